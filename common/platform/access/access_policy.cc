#include "common/platform/access/access_policy.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/platform/access/jurisdiction.h"
#include "nlohmann/json.hpp"

namespace jixiao::access {
namespace {

using nlohmann::json;

// A policy lists people and systems, not reports: far fewer than this.
constexpr size_t kMaxPrincipals = 10000;

absl::Status FieldError(absl::string_view path, absl::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(path, ": ", problem));
}

absl::StatusOr<std::vector<std::string>> StringList(const json& object, const std::string& key,
                                                    const std::string& path) {
  std::vector<std::string> values;
  auto it = object.find(key);
  if (it == object.end()) return values;
  if (!it->is_array()) return FieldError(path, "must be a list of strings");
  for (size_t i = 0; i < it->size(); ++i) {
    if (!(*it)[i].is_string()) {
      return FieldError(absl::StrCat(path, "[", i, "]"), "must be a string");
    }
    values.push_back((*it)[i].get<std::string>());
  }
  return values;
}

bool IsSha256Hex(absl::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return absl::ascii_isdigit(static_cast<unsigned char>(c)) || (c >= 'a' && c <= 'f');
         });
}

absl::StatusOr<Role> ParseRole(const json& value, const std::string& path) {
  if (value.is_string()) {
    const std::string role = value.get<std::string>();
    if (role == "reader") return Role::kReader;
    if (role == "writer") return Role::kWriter;
    if (role == "service") return Role::kService;
  }
  return FieldError(path, "must be \"reader\", \"writer\" or \"service\"");
}

}  // namespace

absl::StatusOr<AccessPolicy> AccessPolicy::Parse(absl::string_view text) {
  const json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return absl::InvalidArgumentError("not valid JSON");
  if (!document.is_object() || !document.contains("principals") ||
      !document["principals"].is_array()) {
    return FieldError("principals", "is required, a list of principals");
  }
  for (const auto& [key, value] : document.items()) {
    if (key != "principals") return FieldError(key, "is not a field of an access policy");
  }
  const json& list = document["principals"];
  if (list.size() > kMaxPrincipals) {
    return FieldError("principals", absl::StrCat("holds more than ", kMaxPrincipals, " entries"));
  }
  AccessPolicy policy;
  absl::flat_hash_map<std::string, size_t> by_name;
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string path = absl::StrCat("principals[", i, "]");
    const json& entry = list[i];
    if (!entry.is_object()) return FieldError(path, "must be an object");
    for (const auto& [key, value] : entry.items()) {
      if (key != "name" && key != "role" && key != "division" && key != "token_sha256" &&
          key != "certificate_names") {
        return FieldError(absl::StrCat(path, ".", key), "is not a field of a principal");
      }
    }
    Principal principal;
    if (!entry.contains("name") || !entry["name"].is_string() ||
        entry["name"].get<std::string>().empty()) {
      return FieldError(absl::StrCat(path, ".name"), "is required");
    }
    principal.name = entry["name"].get<std::string>();
    if (!by_name.emplace(principal.name, i).second) {
      return FieldError(absl::StrCat(path, ".name"),
                        absl::StrCat("\"", principal.name, "\" is given twice"));
    }
    if (!entry.contains("role")) return FieldError(absl::StrCat(path, ".role"), "is required");
    absl::StatusOr<Role> role = ParseRole(entry["role"], absl::StrCat(path, ".role"));
    if (!role.ok()) return role.status();
    principal.role = *role;
    const std::string division_path = absl::StrCat(path, ".division");
    if (entry.contains("division")) {
      if (principal.role == Role::kService) {
        return FieldError(division_path, "a service principal acts everywhere and takes none");
      }
      if (!entry["division"].is_string()) return FieldError(division_path, "must be a string");
      principal.jurisdiction_code = entry["division"].get<std::string>();
      absl::StatusOr<std::string> prefix = JurisdictionPrefix(principal.jurisdiction_code);
      if (!prefix.ok()) return FieldError(division_path, prefix.status().message());
      principal.jurisdiction = *std::move(prefix);
    } else if (principal.role != Role::kService) {
      return FieldError(division_path, "is required for a reader or a writer");
    }
    const size_t index = policy.principals_.size();
    absl::StatusOr<std::vector<std::string>> tokens =
        StringList(entry, "token_sha256", absl::StrCat(path, ".token_sha256"));
    if (!tokens.ok()) return tokens.status();
    for (size_t t = 0; t < tokens->size(); ++t) {
      const std::string token_path = absl::StrCat(path, ".token_sha256[", t, "]");
      const std::string hash = absl::AsciiStrToLower((*tokens)[t]);
      if (!IsSha256Hex(hash)) return FieldError(token_path, "must be 64 hexadecimal digits");
      if (!policy.by_token_.emplace(hash, index).second) {
        return FieldError(token_path, "is given twice");
      }
    }
    absl::StatusOr<std::vector<std::string>> names =
        StringList(entry, "certificate_names", absl::StrCat(path, ".certificate_names"));
    if (!names.ok()) return names.status();
    for (size_t n = 0; n < names->size(); ++n) {
      const std::string name_path = absl::StrCat(path, ".certificate_names[", n, "]");
      if ((*names)[n].empty()) return FieldError(name_path, "must not be empty");
      if (!policy.by_certificate_.emplace((*names)[n], index).second) {
        return FieldError(name_path, absl::StrCat("\"", (*names)[n], "\" is given twice"));
      }
    }
    if (tokens->empty() && names->empty()) {
      return FieldError(path, "needs token_sha256 or certificate_names to be recognised by");
    }
    policy.principals_.push_back(std::move(principal));
  }
  return policy;
}

const Principal* AccessPolicy::ByTokenSha256(absl::string_view hex_digest) const {
  auto it = by_token_.find(hex_digest);
  return it == by_token_.end() ? nullptr : &principals_[it->second];
}

const Principal* AccessPolicy::ByCertificateName(absl::string_view name) const {
  auto it = by_certificate_.find(name);
  return it == by_certificate_.end() ? nullptr : &principals_[it->second];
}

absl::StatusOr<std::shared_ptr<const AccessPolicy>> LoadAccessPolicy(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return absl::InvalidArgumentError(absl::StrCat(path, ": cannot be read"));
  std::ostringstream text;
  text << file.rdbuf();
  absl::StatusOr<AccessPolicy> policy = AccessPolicy::Parse(text.str());
  if (!policy.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": ", policy.status().message()));
  }
  return std::make_shared<const AccessPolicy>(*std::move(policy));
}

}  // namespace jixiao::access
