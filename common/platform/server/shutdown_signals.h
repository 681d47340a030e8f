#pragma once

// Turns SIGTERM and SIGINT into a call on an ordinary thread. The signal
// handler only writes the signal number to a pipe (write(2) is
// async-signal-safe); a watcher thread reads the pipe and runs the callback,
// which may then lock, log and shut servers down. A self-pipe rather than
// sigwait so that it works whichever thread the kernel picks, without having
// to block the signals before gRPC starts its own threads.

#include <functional>
#include <thread>

namespace jixiao::server {

class ShutdownSignalWatcher {
 public:
  // Installs the handlers and starts the watcher thread; `on_signal` runs on
  // that thread with the signal number, once per signal received. At most one
  // watcher may exist at a time (the handler needs a process-wide pipe).
  explicit ShutdownSignalWatcher(std::function<void(int signal)> on_signal);

  // Restores the previous handlers and stops the watcher thread.
  ~ShutdownSignalWatcher();

  ShutdownSignalWatcher(const ShutdownSignalWatcher&) = delete;
  ShutdownSignalWatcher& operator=(const ShutdownSignalWatcher&) = delete;

 private:
  void WatchLoop();

  std::function<void(int)> on_signal_;
  int read_fd_ = -1;
  int write_fd_ = -1;
  std::thread thread_;
};

// Ignores SIGPIPE for the whole process: hiredis and other clients write to
// sockets the peer may have closed, and want EPIPE rather than death.
void IgnoreSigpipe();

}  // namespace jixiao::server
