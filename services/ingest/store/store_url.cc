#include "services/ingest/store/store_url.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace jixiao::ingest {
namespace {

constexpr absl::string_view kForms =
    "expected sqlite:///absolute/path.db, sqlite::memory: or postgresql://user@host:port/db";

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Undoes %XX escapes so that a path with spaces or '#' can be written.
absl::StatusOr<std::string> PercentDecode(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    const int high = i + 2 < text.size() ? HexDigit(text[i + 1]) : -1;
    const int low = i + 2 < text.size() ? HexDigit(text[i + 2]) : -1;
    if (high < 0 || low < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("bad %-escape at offset ", i, " of the sqlite path"));
    }
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return out;
}

absl::StatusOr<StoreLocation> ParseSqlite(absl::string_view url, absl::string_view rest) {
  StoreLocation location;
  location.backend = StoreLocation::Backend::kSqlite;
  if (rest == ":memory:") {
    location.sqlite_path = ":memory:";
    return location;
  }
  if (!absl::ConsumePrefix(&rest, "//")) {
    return absl::InvalidArgumentError(absl::StrCat("bad store URL \"", url, "\": ", kForms));
  }
  // After "sqlite://" comes an empty authority, then the absolute path.
  if (!absl::StartsWith(rest, "/")) {
    return absl::InvalidArgumentError(
        absl::StrCat("bad store URL \"", url,
                     "\": a sqlite path must be absolute (sqlite:///absolute/path.db); "
                     "relative paths and hosts are not accepted"));
  }
  if (rest.find_first_of("?#") != absl::string_view::npos) {
    return absl::InvalidArgumentError(absl::StrCat(
        "bad store URL \"", url, "\": sqlite URLs take no query or fragment (escape as %3F, %23)"));
  }
  auto path = PercentDecode(rest);
  if (!path.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("bad store URL \"", url, "\": ", path.status().message()));
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
  const size_t colon = url.find(':');
  if (url.empty() || colon == absl::string_view::npos) {
    return absl::InvalidArgumentError(absl::StrCat("empty or scheme-less store URL: ", kForms));
  }
  const std::string scheme = absl::AsciiStrToLower(url.substr(0, colon));
  if (scheme == "sqlite") return ParseSqlite(url, url.substr(colon + 1));
  if (scheme == "postgresql" || scheme == "postgres") {
    if (!absl::StartsWith(url.substr(colon + 1), "//")) {
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
