#include "tests/common/platform/redis/batch_reply_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace jixiao::redis {

namespace {

// Every wait of the server thread is bounded, so a broken client cannot hang the test.
constexpr absl::Duration kServeDeadline = absl::Seconds(20);
constexpr int kPollSliceMs = 20;

// Waits until `fd` is readable, the deadline passes or `stop` is set.
bool WaitReadable(int fd, absl::Time deadline, const std::atomic<bool>& stop) {
  while (!stop.load() && absl::Now() < deadline) {
    pollfd entry{fd, POLLIN, 0};
    const int ready = poll(&entry, 1, kPollSliceMs);
    if (ready > 0) return true;
    if (ready < 0 && errno != EINTR) return false;
  }
  return false;
}

}  // namespace

std::string EncodeRespCommand(const std::vector<std::string>& args) {
  std::string out = absl::StrCat("*", args.size(), "\r\n");
  for (const std::string& arg : args) absl::StrAppend(&out, "$", arg.size(), "\r\n", arg, "\r\n");
  return out;
}

absl::StatusOr<std::unique_ptr<BatchReplyServer>> BatchReplyServer::Start(
    size_t expected_request_bytes, std::string replies) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return absl::InternalError(absl::StrCat("socket: ", strerror(errno)));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  // Binding port 0 and listening on that same socket leaves no window for a port race.
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 || listen(fd, 1) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    const int error = errno;
    close(fd);
    return absl::InternalError(absl::StrCat("listening on port 0: ", strerror(error)));
  }
  return std::unique_ptr<BatchReplyServer>(new BatchReplyServer(
      fd, ntohs(address.sin_port), expected_request_bytes, std::move(replies)));
}

BatchReplyServer::BatchReplyServer(int listen_fd, int port, size_t expected_request_bytes,
                                   std::string replies)
    : listen_fd_(listen_fd),
      port_(port),
      expected_request_bytes_(expected_request_bytes),
      replies_(std::move(replies)) {
  thread_ = std::thread([this] { Serve(); });
}

BatchReplyServer::~BatchReplyServer() {
  stop_.store(true);
  thread_.join();
  close(listen_fd_);
}

std::string BatchReplyServer::received() const {
  std::lock_guard<std::mutex> lock(mu_);
  return received_;
}

void BatchReplyServer::Serve() {
  const absl::Time deadline = absl::Now() + kServeDeadline;
  if (!WaitReadable(listen_fd_, deadline, stop_)) return;
  const int client = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
  if (client < 0) return;

  size_t total = 0;
  while (total < expected_request_bytes_ && WaitReadable(client, deadline, stop_)) {
    char buffer[65536];
    const ssize_t got = recv(client, buffer, sizeof(buffer), 0);
    if (got <= 0) break;
    total += static_cast<size_t>(got);
    std::lock_guard<std::mutex> lock(mu_);
    received_.append(buffer, static_cast<size_t>(got));
  }
  if (total >= expected_request_bytes_) {
    received_full_request_.store(true);
    size_t sent = 0;
    while (sent < replies_.size()) {
      // MSG_NOSIGNAL: a client that gave up must not kill the test with SIGPIPE.
      const ssize_t wrote =
          send(client, replies_.data() + sent, replies_.size() - sent, MSG_NOSIGNAL);
      if (wrote <= 0) break;
      sent += static_cast<size_t>(wrote);
    }
    // Keep the connection open until the client closes it (or the test ends).
    while (WaitReadable(client, deadline, stop_)) {
      char buffer[256];
      if (recv(client, buffer, sizeof(buffer), 0) <= 0) break;
    }
  }
  close(client);
}

}  // namespace jixiao::redis
