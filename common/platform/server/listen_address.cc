#include "common/platform/server/listen_address.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"

namespace jixiao::server {

absl::StatusOr<ListenAddress> ParseListenAddress(absl::string_view text) {
  const absl::Status bad = absl::InvalidArgumentError("must be HOST:PORT with PORT in 0..65535");
  const size_t colon = text.rfind(':');
  if (colon == absl::string_view::npos || colon == 0) return bad;
  absl::string_view host = text.substr(0, colon);
  absl::string_view port_text = text.substr(colon + 1);
  // An IPv6 host has colons of its own and must come bracketed.
  if (host.find(':') != absl::string_view::npos &&
      (host.front() != '[' || host.back() != ']' || host.size() < 3)) {
    return bad;
  }
  for (char c : host) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) return bad;
  }
  if (port_text.empty() || port_text.size() > 5) return bad;
  for (char c : port_text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return bad;
  }
  int port = 0;
  if (!absl::SimpleAtoi(port_text, &port) || port > 65535) return bad;
  return ListenAddress{std::string(host), port};
}

bool IsLoopbackListen(absl::string_view listen) {
  absl::StatusOr<ListenAddress> address = ParseListenAddress(listen);
  if (!address.ok()) return false;
  const std::string& host = address->host;
  return absl::StartsWith(host, "127.") || host == "[::1]" || host == "localhost";
}

}  // namespace jixiao::server
