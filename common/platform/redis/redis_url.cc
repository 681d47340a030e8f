#include "common/platform/redis/redis_url.h"

#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace jixiao::redis {

namespace {

constexpr absl::string_view kScheme = "redis://";
constexpr int kDefaultPort = 6379;

absl::Status UrlError(absl::string_view url, absl::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat("redis URL \"", url, "\": ", problem));
}

bool AllDigits(absl::string_view text) {
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !text.empty();
}

}  // namespace

absl::StatusOr<RedisConfig> RedisConfigFromUrl(absl::string_view url, RedisConfig base) {
  if (absl::StartsWithIgnoreCase(url, "rediss://")) {
    return UrlError(url, "TLS (rediss://) is not supported: hiredis 0.14 has no SSL");
  }
  if (absl::StartsWithIgnoreCase(url, "unix://")) {
    return UrlError(url, "unix sockets are not supported: use redis://host:port");
  }
  if (!absl::StartsWithIgnoreCase(url, kScheme)) {
    return UrlError(url, "expected the form redis://host:port");
  }
  absl::string_view rest = url.substr(kScheme.size());

  if (rest.find_first_of("?#") != absl::string_view::npos) {
    return UrlError(url, "query strings and fragments are not supported");
  }
  absl::string_view authority = rest;
  if (size_t slash = rest.find('/'); slash != absl::string_view::npos) {
    authority = rest.substr(0, slash);
    absl::string_view path = rest.substr(slash + 1);
    if (!path.empty()) {
      return UrlError(url, "a database number is not supported: the pool always uses database 0");
    }
  }
  if (absl::StrContains(authority, '@')) {
    return UrlError(url, "user and password are not supported (no AUTH)");
  }

  absl::string_view host;
  absl::string_view port_text;
  if (absl::StartsWith(authority, "[")) {
    size_t close = authority.find(']');
    if (close == absl::string_view::npos) return UrlError(url, "unclosed '[' in IPv6 host");
    host = authority.substr(1, close - 1);
    absl::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return UrlError(url, "expected ':port' after the IPv6 host");
      port_text = after.substr(1);
      if (port_text.empty()) return UrlError(url, "empty port after ':'");
    }
  } else {
    size_t colon = authority.find(':');
    host = authority.substr(0, colon);
    if (colon != absl::string_view::npos) {
      port_text = authority.substr(colon + 1);
      if (port_text.empty()) return UrlError(url, "empty port after ':'");
      if (absl::StrContains(port_text, ':')) {
        return UrlError(url, "an IPv6 host must be written in brackets, e.g. redis://[::1]:6379");
      }
    }
  }
  if (host.empty()) return UrlError(url, "the host is empty");

  int port = kDefaultPort;
  if (!port_text.empty()) {
    // Digits only: SimpleAtoi alone would accept a sign or surrounding spaces.
    if (!AllDigits(port_text) || port_text.size() > 5 || !absl::SimpleAtoi(port_text, &port) ||
        port < 1 || port > 65535) {
      return UrlError(url, absl::StrCat("port \"", port_text, "\" is not a number in 1..65535"));
    }
  }

  base.host = std::string(host);
  base.port = port;
  return base;
}

absl::Status CheckOptionalRedisUrl(absl::string_view url) {
  return url.empty() ? absl::OkStatus() : RedisConfigFromUrl(url).status();
}

}  // namespace jixiao::redis
