#include "common/platform/redis/redis_password.h"

#include <fstream>
#include <iterator>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/platform/options/option_checks.h"
#include "common/platform/redis/redis_url.h"

namespace jixiao::redis {
namespace {

// Redis accepts longer ones; no sensible password is.
constexpr size_t kMaxPasswordBytes = 4096;

absl::Status PasswordFileError(absl::string_view path, absl::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat("redis password file ", path, ": ", problem));
}

}  // namespace

absl::StatusOr<std::string> ReadRedisPassword(absl::string_view path) {
  std::ifstream file{std::string(path), std::ios::binary};
  if (!file) return PasswordFileError(path, "cannot be read");
  std::string password;
  // One byte past the limit tells a file that is too long from one that fits.
  std::istreambuf_iterator<char> begin(file);
  std::istreambuf_iterator<char> end;
  while (begin != end && password.size() <= kMaxPasswordBytes + 2) password.push_back(*begin++);
  if (file.bad()) return PasswordFileError(path, "cannot be read");
  if (absl::EndsWith(password, "\n")) password.pop_back();
  if (absl::EndsWith(password, "\r")) password.pop_back();
  if (password.empty()) return PasswordFileError(path, "is empty");
  if (password.size() > kMaxPasswordBytes) {
    return PasswordFileError(path, absl::StrCat("is longer than ", kMaxPasswordBytes, " bytes"));
  }
  if (absl::StrContains(password, '\n') || absl::StrContains(password, '\0')) {
    return PasswordFileError(path, "must hold one line (the password), without NUL");
  }
  return password;
}

absl::StatusOr<RedisConfig> RedisConfigWithPassword(absl::string_view url,
                                                    absl::string_view password_file) {
  absl::StatusOr<RedisConfig> config = RedisConfigFromUrl(url);
  if (!config.ok() || password_file.empty()) return config;
  absl::StatusOr<std::string> password = ReadRedisPassword(password_file);
  if (!password.ok()) return password.status();
  config->password = *std::move(password);
  return config;
}

void AddRedisPasswordFileOption(options::OptionSet& options, std::string& path) {
  options
      .Add("--redis-password-file", path,
           "file holding the Redis password (AUTH), e.g. a mounted Secret; empty: no AUTH",
           "JIXIAO_REDIS_PASSWORD_FILE")
      ->type_name("FILE")
      ->check(options::Checked([](absl::string_view file) {
        return file.empty() ? absl::OkStatus() : ReadRedisPassword(file).status();
      }));
}

}  // namespace jixiao::redis
