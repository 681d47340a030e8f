#include "common/platform/server/channel_target.h"

#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/platform/server/listen_address.h"

namespace jixiao::server {
namespace {

// HOST:PORT with a port gRPC can connect to (not 0, which only a listener may ask for).
absl::Status CheckHostPort(absl::string_view address, absl::string_view what) {
  absl::StatusOr<ListenAddress> parsed = ParseListenAddress(address);
  if (!parsed.ok() || parsed->port == 0 || parsed->host.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(what, " '", address, "' must be HOST:PORT with PORT in 1..65535"));
  }
  return absl::OkStatus();
}

absl::Status CheckAddressList(absl::string_view list, absl::string_view scheme) {
  const std::vector<absl::string_view> addresses = absl::StrSplit(list, ',');
  if (addresses.size() > kMaxTargetAddresses) {
    return absl::InvalidArgumentError(
        absl::StrCat(scheme, ": lists at most ", kMaxTargetAddresses, " addresses"));
  }
  for (absl::string_view address : addresses) {
    if (absl::Status status = CheckHostPort(address, absl::StrCat(scheme, ": address"));
        !status.ok()) {
      return status;
    }
    // ipv4: takes dotted quads, ipv6: bracketed addresses; gRPC resolves neither by name.
    const bool bracketed = absl::StartsWith(address, "[");
    if ((scheme == "ipv6") != bracketed) {
      return absl::InvalidArgumentError(
          absl::StrCat(scheme, ": address '", address, "' must be ",
                       scheme == "ipv6" ? "a bracketed IPv6 address such as [::1]:50052"
                                        : "an IPv4 address such as 127.0.0.1:50052"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckChannelTarget(absl::string_view target) {
  if (target.empty()) return absl::InvalidArgumentError("the target is empty");
  if (target.size() > kMaxTargetLength) {
    return absl::InvalidArgumentError(
        absl::StrCat("the target is longer than ", kMaxTargetLength, " characters"));
  }
  if (absl::ConsumePrefix(&target, "dns:")) {
    // dns:HOST:PORT, dns:///HOST:PORT; an authority (dns://8.8.8.8/HOST:PORT) names the
    // DNS server, which jixiao leaves to the system.
    if (absl::ConsumePrefix(&target, "//")) {
      if (!absl::ConsumePrefix(&target, "/")) {
        return absl::InvalidArgumentError(
            "dns: takes dns:///HOST:PORT; a DNS server authority is not supported");
      }
    }
    return CheckHostPort(target, "dns: name");
  }
  if (absl::ConsumePrefix(&target, "ipv4:")) return CheckAddressList(target, "ipv4");
  if (absl::ConsumePrefix(&target, "ipv6:")) return CheckAddressList(target, "ipv6");
  if (absl::ConsumePrefix(&target, "unix:")) {
    if (target.empty()) return absl::InvalidArgumentError("unix: needs a socket path");
    return absl::OkStatus();
  }
  return CheckHostPort(target, "target");
}

}  // namespace jixiao::server
