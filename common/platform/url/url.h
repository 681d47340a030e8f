#pragma once

// One reader of URLs ("scheme:[//authority]path[?query][#fragment]") for every
// setting that names a resource by URL. It only takes the text apart; which
// parts a given kind of URL may have, and what its refusals say, is up to the
// caller. Nothing here echoes the URL, which may carry a password.

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace jixiao::url {

// The parts of a URL as written (still %-escaped).
struct UrlParts {
  std::string scheme;  // lower-cased; may be empty (":x")
  bool has_authority = false;
  std::string authority;  // between "//" and the path, query or fragment
  std::string path;       // starts with '/' when there is an authority and a path
  bool has_query = false;
  std::string query;
  bool has_fragment = false;
  std::string fragment;
};

// Splits at the first ':' (the scheme), then "//authority", then '?' and '#'.
// INVALID_ARGUMENT only for text without a ':'.
absl::StatusOr<UrlParts> SplitUrl(absl::string_view url);

// "[user[:password]@]host[:port]", with an IPv6 host in brackets.
struct Authority {
  bool has_user_info = false;
  std::string user;      // %-decoded
  std::string password;  // %-decoded
  bool has_password = false;
  std::string host;  // an IPv6 address without its brackets; may be empty
  std::string port;  // as written; empty when absent (see ParsePort)
};

// Reads url.authority. INVALID_ARGUMENT for an unclosed '[', anything but
// ":port" after ']', an empty port after ':', an IPv6 host without brackets
// (the message shows the form, with `example_port`), or a bad %-escape in the
// user info.
absl::StatusOr<Authority> ParseAuthority(const UrlParts& url, int example_port);

// A port written as 1 to 5 digits with a value in 1..65535; INVALID_ARGUMENT
// otherwise (signs and spaces included).
absl::StatusOr<int> ParsePort(absl::string_view text);

// Undoes %XX escapes. INVALID_ARGUMENT naming the offset of a '%' that is not
// followed by two hex digits. '+' is kept as it is.
absl::StatusOr<std::string> PercentDecode(absl::string_view text);

// "a=1&b=&c" as (name, value) pairs in order, both %-decoded ('+' means a
// space here, as in HTML forms); empty pieces are skipped.
absl::StatusOr<std::vector<std::pair<std::string, std::string>>> ParseQuery(
    absl::string_view query);

}  // namespace jixiao::url
