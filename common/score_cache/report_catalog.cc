#include "common/score_cache/report_catalog.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/platform/redis/redis_client.h"
#include "common/score_cache/cache_keys.h"
#include "common/score_cache/lua_scripts.h"
#include "common/score_cache/redis_replies.h"

namespace jixiao::score_cache {
ReportCatalog::ReportCatalog(redis::RedisPool* pool) : pool_(pool), publish_(CatalogPublishLua()) {}

absl::Status ReportCatalog::Publish(absl::Span<const CatalogEntry> entries) {
  std::vector<LuaScript::Call> calls;
  calls.reserve(entries.size());
  for (const CatalogEntry& entry : entries) {
    LuaScript::Call call;
    call.keys = {LatestVersionsKey(), DepartmentsKey(), RankKeysRegistryKey(entry.fiscal_year)};
    const jixiao::v1::ReportKind kind = entry.kind != jixiao::v1::REPORT_KIND_UNSPECIFIED
                                            ? entry.kind
                                            : KindOfReportId(entry.report_id);
    for (const std::string& cohort : CohortsOf(entry.department)) {
      call.keys.push_back(CohortKey(entry.fiscal_year, kind, cohort));
    }
    call.args = {entry.report_id, absl::StrCat(entry.version),
                 entry.department.SerializeAsString()};
    calls.push_back(std::move(call));
  }
  absl::StatusOr<std::vector<redis::RedisReply>> replies = publish_.RunPipelined(*pool_, calls);
  if (!replies.ok()) return replies.status();
  for (const redis::RedisReply& reply : *replies) {
    if (reply.is_error()) return UnexpectedReply(reply, "publishing a report version");
  }
  return absl::OkStatus();
}

absl::Status ReportCatalog::MarkReady() {
  const std::string key = CatalogReadyKey();
  const absl::string_view args[] = {"SET", key, "1"};
  return pool_->Command(args).status();
}

absl::StatusOr<bool> ReportCatalog::Ready() {
  const std::string key = CatalogReadyKey();
  const absl::string_view args[] = {"EXISTS", key};
  absl::StatusOr<redis::RedisReply> reply = pool_->Command(args);
  if (!reply.ok()) return reply.status();
  if (!reply->is_integer()) return UnexpectedReply(*reply, "EXISTS");
  return reply->integer() == 1;
}

absl::StatusOr<std::vector<int64_t>> ReportCatalog::LatestVersions(
    absl::Span<const std::string> report_ids) {
  absl::StatusOr<std::vector<std::optional<std::string>>> values =
      HashValues(*pool_, LatestVersionsKey(), report_ids);
  if (!values.ok()) return values.status();
  std::vector<int64_t> versions(report_ids.size(), 0);
  for (size_t i = 0; i < report_ids.size(); ++i) {
    if (!(*values)[i].has_value()) continue;
    if (!absl::SimpleAtoi(*(*values)[i], &versions[i])) {
      return absl::InternalError(
          absl::StrCat("latest version of ", report_ids[i], " is not a number: ", *(*values)[i]));
    }
  }
  return versions;
}

absl::StatusOr<std::vector<std::string>> ReportCatalog::CohortMembers(int fiscal_year,
                                                                      jixiao::v1::ReportKind kind,
                                                                      absl::string_view cohort) {
  const std::string key = CohortKey(fiscal_year, kind, cohort);
  const absl::string_view args[] = {"SMEMBERS", key};
  absl::StatusOr<redis::RedisReply> reply = pool_->Command(args);
  if (!reply.ok()) return reply.status();
  if (!reply->is_array()) return UnexpectedReply(*reply, "SMEMBERS");
  std::vector<std::string> members;
  members.reserve(reply->elements().size());
  for (const redis::RedisReply& element : reply->elements()) members.push_back(element.str());
  std::sort(members.begin(), members.end());
  return members;
}

absl::StatusOr<std::vector<std::optional<jixiao::v1::Department>>> ReportCatalog::Departments(
    absl::Span<const std::string> report_ids) {
  absl::StatusOr<std::vector<std::optional<std::string>>> values =
      HashValues(*pool_, DepartmentsKey(), report_ids);
  if (!values.ok()) return values.status();
  std::vector<std::optional<jixiao::v1::Department>> departments(report_ids.size());
  for (size_t i = 0; i < report_ids.size(); ++i) {
    if (!(*values)[i].has_value()) continue;
    jixiao::v1::Department department;
    if (!department.ParseFromString(*(*values)[i])) {
      return absl::DataLossError(
          absl::StrCat("cached department of ", report_ids[i], " does not parse"));
    }
    departments[i] = std::move(department);
  }
  return departments;
}

}  // namespace jixiao::score_cache
