#include "services/ingest/store/store_url.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/platform/url/url.h"

namespace jixiao::ingest {
namespace {

constexpr absl::string_view kForms =
    "expected sqlite:///absolute/path.db, sqlite::memory: or postgresql://user@host:port/db";

absl::StatusOr<StoreLocation> ParseSqlite(absl::string_view url, const url::UrlParts& parts) {
  StoreLocation location;
  location.backend = StoreLocation::Backend::kSqlite;
  if (!parts.has_authority && !parts.has_query && !parts.has_fragment && parts.path == ":memory:") {
    location.sqlite_path = ":memory:";
    return location;
  }
  if (!parts.has_authority) {
    return absl::InvalidArgumentError(absl::StrCat("bad store URL \"", url, "\": ", kForms));
  }
  // After "sqlite://" comes an empty authority, then the absolute path.
  if (!parts.authority.empty() || !absl::StartsWith(parts.path, "/")) {
    return absl::InvalidArgumentError(
        absl::StrCat("bad store URL \"", url,
                     "\": a sqlite path must be absolute (sqlite:///absolute/path.db); "
                     "relative paths and hosts are not accepted"));
  }
  if (parts.has_query || parts.has_fragment) {
    return absl::InvalidArgumentError(absl::StrCat(
        "bad store URL \"", url, "\": sqlite URLs take no query or fragment (escape as %3F, %23)"));
  }
  // %XX escapes, so that a path with spaces or '#' can be written.
  auto path = url::PercentDecode(parts.path);
  if (!path.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "bad store URL \"", url, "\": ", path.status().message(), " of the sqlite path"));
  }
  if (path->find('\0') != std::string::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("bad store URL \"", url, "\": NUL in the sqlite path"));
  }
  if (*path == "/" || absl::EndsWith(*path, "/")) {
    return absl::InvalidArgumentError(
        absl::StrCat("bad store URL \"", url, "\": the sqlite path names a directory"));
  }
  location.sqlite_path = *std::move(path);
  return location;
}

}  // namespace

absl::StatusOr<StoreLocation> ParseStoreUrl(absl::string_view url) {
  auto parts = url::SplitUrl(url);
  if (url.empty() || !parts.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("empty or scheme-less store URL: ", kForms));
  }
  const std::string& scheme = parts->scheme;
  if (scheme == "sqlite") return ParseSqlite(url, *parts);
  if (scheme == "postgresql" || scheme == "postgres") {
    if (!parts->has_authority) {
      return absl::InvalidArgumentError(
          absl::StrCat("bad ", scheme, " store URL: expected ", scheme, "://..."));
    }
    StoreLocation location;
    location.backend = StoreLocation::Backend::kPostgres;
    location.postgres_url = std::string(url);
    return location;
  }
  // Only a plausible scheme is echoed: the text might be a mistyped URL whose
  // "scheme" is in fact a user name followed by a password.
  const bool plausible =
      scheme.size() <= 16 && std::all_of(scheme.begin(), scheme.end(), [](char c) {
        return absl::ascii_isalnum(c) || c == '+' || c == '.' || c == '-';
      });
  return absl::InvalidArgumentError(
      plausible ? absl::StrCat("unsupported store URL scheme \"", scheme, "\": ", kForms)
                : absl::StrCat("unsupported store URL: ", kForms));
}

}  // namespace jixiao::ingest
