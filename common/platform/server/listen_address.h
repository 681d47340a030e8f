#pragma once

// The HOST:PORT a server listens on, as configured by --listen.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace jixiao::server {

struct ListenAddress {
  std::string host;  // as written; IPv6 keeps its brackets ("[::1]")
  int port = 0;      // 0: the system picks a free port
};

// Parses "127.0.0.1:0", "0.0.0.0:50051", "[::]:50051", "localhost:8080".
// Fails with "must be HOST:PORT with PORT in 0..65535".
absl::StatusOr<ListenAddress> ParseListenAddress(absl::string_view text);

// Whether `listen` names this machine's loopback only: 127.0.0.0/8, [::1] or localhost.
// False for an address that does not parse.
bool IsLoopbackListen(absl::string_view listen);

}  // namespace jixiao::server
