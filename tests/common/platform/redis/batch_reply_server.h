#pragma once

// A stand-in for Redis that proves pipelining: it answers nothing until it has received the
// whole expected request, then sends all replies in one write. A client that waited for each
// reply before sending the next command would never get an answer (and would time out).

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"

namespace jixiao::redis {

class BatchReplyServer {
 public:
  // Listens on 127.0.0.1 on a port the kernel picks, for one client. Once that client has sent
  // `expected_request_bytes` bytes, sends `replies` (raw RESP) and keeps the connection open
  // until the client closes it.
  static absl::StatusOr<std::unique_ptr<BatchReplyServer>> Start(size_t expected_request_bytes,
                                                                 std::string replies);
  // Stops the server thread (all its waits are bounded) and closes its sockets.
  ~BatchReplyServer();

  int port() const { return port_; }
  // What the client sent before the replies went out.
  std::string received() const;
  // Whether the full request arrived (set before the replies are sent, so it is already true
  // when the client has read any reply).
  bool received_full_request() const { return received_full_request_.load(); }

 private:
  BatchReplyServer(int listen_fd, int port, size_t expected_request_bytes, std::string replies);
  void Serve();

  const int listen_fd_;
  const int port_;
  const size_t expected_request_bytes_;
  const std::string replies_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> received_full_request_{false};
  mutable std::mutex mu_;
  std::string received_;  // guarded by mu_
  std::thread thread_;
};

// The RESP encoding of one command, as a client must send it: *N, then $len and bytes per
// argument.
std::string EncodeRespCommand(const std::vector<std::string>& args);

}  // namespace jixiao::redis
