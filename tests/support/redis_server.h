#pragma once

// A real redis-server for tests: private, throwaway, on 127.0.0.1.
//
// Started on a free port with persistence off (--save "" --appendonly no) and its working
// directory in a fresh temporary directory. It is ready when it answers on its port *and*
// reports this child's process id, so a server some other test started on the same port is
// never mistaken for ours. The destructor stops the process (SIGTERM, then SIGKILL after a
// grace period) and deletes the directory, so a failing test leaves nothing behind; if the test
// process itself dies, the child gets SIGTERM from the kernel (see child_process.h).
//
// DEBUG is enabled for local connections, so tests can use DEBUG SLEEP.
//
// Not thread-safe: control it from the test's main thread (the death signal is tied to the
// thread that started the server).

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

namespace jixiao::testing {

class RedisServer {
 public:
  // Starts redis-server (JIXIAO_REDIS_SERVER, else /usr/bin/redis-server, else redis-server on
  // PATH), retrying on a new port when the chosen one was taken in the meantime.
  static absl::StatusOr<std::unique_ptr<RedisServer>> Start();

  ~RedisServer();
  RedisServer(const RedisServer&) = delete;
  RedisServer& operator=(const RedisServer&) = delete;

  const std::string& host() const { return host_; }
  int port() const { return port_; }
  // "redis://127.0.0.1:<port>"
  std::string url() const;
  bool running() const { return process_ != nullptr && process_->running(); }
  // The server's working directory (temporary; deleted by the destructor).
  const std::string& directory() const { return directory_->path(); }

  // Terminates the server and waits until the process is gone (its port then refuses
  // connections). A no-op when it is not running.
  absl::Status Stop();

  // Kills the server outright (SIGKILL), as a crash or the OOM killer would, and reaps it.
  void Kill();

  // Stops the process in its tracks (SIGSTOP): the kernel still accepts connections on its
  // port, but nothing answers, as with a hung server. Resume (SIGCONT) lets it go on; Stop
  // resumes it first.
  absl::Status Pause();
  absl::Status Resume();

  // Starts the server again on the same port and directory (empty: nothing is persisted) and
  // waits until it answers. Stops it first if it is running.
  absl::Status Restart();

  // The server's log, for failure messages.
  std::string Log() const;

 private:
  RedisServer(std::string binary, std::unique_ptr<TempDir> directory);

  // Launches redis-server on port_ and waits until it is ready. UNAVAILABLE when the process
  // exited early or the port answered for another process (a retry on another port may work).
  absl::Status Launch();

  const std::string host_ = "127.0.0.1";
  const std::string binary_;
  const std::unique_ptr<TempDir> directory_;
  int port_ = 0;
  std::unique_ptr<ChildProcess> process_;  // null until launched
};

}  // namespace jixiao::testing
