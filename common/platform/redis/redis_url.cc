#include "common/platform/redis/redis_url.h"

#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/platform/url/url.h"

namespace jixiao::redis {

namespace {

constexpr int kDefaultPort = 6379;

absl::Status UrlError(absl::string_view url, absl::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat("redis URL \"", url, "\": ", problem));
}

}  // namespace

absl::StatusOr<RedisConfig> RedisConfigFromUrl(absl::string_view url, RedisConfig base) {
  if (absl::StartsWithIgnoreCase(url, "rediss://")) {
    return UrlError(url, "TLS (rediss://) is not supported: hiredis 0.14 has no SSL");
  }
  if (absl::StartsWithIgnoreCase(url, "unix://")) {
    return UrlError(url, "unix sockets are not supported: use redis://host:port");
  }
  auto parts = url::SplitUrl(url);
  if (!absl::StartsWithIgnoreCase(url, "redis://") || !parts.ok()) {
    return UrlError(url, "expected the form redis://host:port");
  }
  if (parts->has_query || parts->has_fragment) {
    return UrlError(url, "query strings and fragments are not supported");
  }
  if (!parts->path.empty() && parts->path != "/") {
    return UrlError(url, "a database number is not supported: the pool always uses database 0");
  }
  if (absl::StrContains(parts->authority, '@')) {
    return UrlError(url,
                    "a user or password does not belong in the URL: give the password in a file "
                    "(--redis-password-file)");
  }
  auto authority = url::ParseAuthority(*parts, kDefaultPort);
  if (!authority.ok()) return UrlError(url, authority.status().message());
  if (authority->host.empty()) return UrlError(url, "the host is empty");

  int port = kDefaultPort;
  if (!authority->port.empty()) {
    auto parsed = url::ParsePort(authority->port);
    if (!parsed.ok()) return UrlError(url, parsed.status().message());
    port = *parsed;
  }

  base.host = std::move(authority->host);
  base.port = port;
  return base;
}

absl::Status CheckOptionalRedisUrl(absl::string_view url) {
  return url.empty() ? absl::OkStatus() : RedisConfigFromUrl(url).status();
}

}  // namespace jixiao::redis
