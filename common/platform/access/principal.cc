#include "common/platform/access/principal.h"

#include "absl/strings/str_cat.h"
#include "common/platform/access/jurisdiction.h"

namespace jixiao::access {
namespace {

std::string Where(const Principal& principal) {
  return principal.jurisdiction.empty() ? std::string("everywhere")
                                        : absl::StrCat("division ", principal.jurisdiction_code);
}

}  // namespace

absl::string_view RoleName(Role role) {
  switch (role) {
    case Role::kReader:
      return "reader";
    case Role::kWriter:
      return "writer";
    case Role::kService:
      return "service";
  }
  return "reader";
}

Principal Unrestricted() { return Principal{"anonymous", Role::kService, "", ""}; }

absl::Status CheckMayWrite(const Principal& principal, absl::string_view division_code) {
  if (principal.role == Role::kReader) {
    return absl::PermissionDeniedError(
        absl::StrCat(principal.name, " is a reader and may not submit reports"));
  }
  if (principal.role == Role::kService || Covers(principal.jurisdiction, division_code)) {
    return absl::OkStatus();
  }
  return absl::PermissionDeniedError(absl::StrCat(principal.name, " may submit reports of ",
                                                  Where(principal), " only, not of division \"",
                                                  division_code, "\""));
}

absl::Status CheckMayReadDetail(const Principal& principal, absl::string_view division_code) {
  if (principal.role == Role::kService || Covers(principal.jurisdiction, division_code)) {
    return absl::OkStatus();
  }
  return absl::PermissionDeniedError(absl::StrCat(
      principal.name, " may read report bodies and indicator detail of ", Where(principal),
      " only, not of division \"", division_code,
      "\"; totals, grades and ranks of every district are open to it (Compare, Ranking)"));
}

absl::Status CheckIsService(const Principal& principal, absl::string_view what) {
  if (principal.role == Role::kService) return absl::OkStatus();
  return absl::PermissionDeniedError(
      absl::StrCat(principal.name, " may not ", what, ": that takes a service principal"));
}

}  // namespace jixiao::access
