#include "common/platform/server/option_validators.h"

#include "common/platform/options/option_checks.h"
#include "common/platform/server/channel_target.h"
#include "common/platform/server/listen_address.h"

namespace jixiao::server {

CLI::Validator HostPort() {
  return options::Checked(
      [](absl::string_view value) { return ParseListenAddress(value).status(); });
}

CLI::Validator OptionalHostPort() {
  return options::Checked([](absl::string_view value) {
    return value.empty() ? absl::OkStatus() : ParseListenAddress(value).status();
  });
}

CLI::Validator ChannelTarget() { return options::Checked(CheckChannelTarget); }

CLI::Validator OptionalChannelTarget() {
  return options::Checked([](absl::string_view value) {
    return value.empty() ? absl::OkStatus() : CheckChannelTarget(value);
  });
}

}  // namespace jixiao::server
