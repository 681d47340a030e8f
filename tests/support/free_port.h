#pragma once

// A TCP port for a test server, chosen by the kernel.

#include "absl/status/statusor.h"

namespace jixiao::testing {

// Binds port 0 on 127.0.0.1, reads back the port the kernel assigned, and closes the socket.
// The port was free a moment ago, but another process may take it before the caller binds
// it: callers must retry with a new port when their server fails to start.
absl::StatusOr<int> PickFreePort();

}  // namespace jixiao::testing
