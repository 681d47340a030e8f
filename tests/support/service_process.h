#pragma once
// A jixiao service binary run as a child process, as a deployment runs it.
//
// Its log (stderr) is captured, so a test waits for the server's
// `event=listening ... port=N` line rather than sleeping, and failure messages
// can quote it. The child's environment is the test's without its JIXIAO_*
// variables (ctest sets JIXIAO_SOURCE_DIR, which a service would warn about),
// plus what the test gives. Stop() sends SIGTERM (the services' graceful stop)
// and waits for the exit within a deadline, killing the child if it passes;
// the destructor stops a child that still runs, and a child whose test process
// dies gets SIGTERM from the kernel.
//
// Control it from the thread that started it (the death signal is tied to it).

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "tests/support/child_process.h"

namespace jixiao::testing {

class ServiceProcess {
 public:
  struct Options {
    // The file stdout is appended to; empty: the test's stdout.
    std::string stdout_path;
    // Set in the child's environment.
    std::map<std::string, std::string> environment;
  };

  // Runs `binary` with exactly `args` and returns at once: for tests of how
  // it starts, refuses to start, or exits.
  static absl::StatusOr<std::unique_ptr<ServiceProcess>> Spawn(const std::string& binary,
                                                               const std::vector<std::string>& args,
                                                               const Options& options = {});

  // Runs `binary` with `flags` (and --listen=127.0.0.1:0 unless they say where
  // to listen) and returns once it listens; UNAVAILABLE, with its log, when
  // it exits first or does not listen within `startup_deadline`.
  static absl::StatusOr<std::unique_ptr<ServiceProcess>> Start(
      const std::string& binary, const std::vector<std::string>& flags,
      absl::Duration startup_deadline = absl::Seconds(30));

  ~ServiceProcess();
  ServiceProcess(const ServiceProcess&) = delete;
  ServiceProcess& operator=(const ServiceProcess&) = delete;

  // Waits up to `timeout` for the listening line and returns its port (also
  // port() from then on); DEADLINE_EXCEEDED, with the log, if none came.
  absl::StatusOr<int> WaitForListeningPort(absl::Duration timeout);

  // The listening port, once known (Start, WaitForListeningPort); else 0.
  int port() const { return port_; }
  // "127.0.0.1:<port>"
  std::string address() const;

  // Waits up to `timeout` for the service to exit by itself and returns its
  // wait status (see waitpid); DEADLINE_EXCEEDED, leaving it running, if not.
  absl::StatusOr<int> WaitForExit(absl::Duration timeout);

  // SIGTERM, then the wait status; a service that outlasts `deadline` is
  // killed and the answer is DEADLINE_EXCEEDED.
  absl::StatusOr<int> Stop(absl::Duration deadline = absl::Seconds(20));

  // SIGKILL and reap, as a crash or the OOM killer would end it: no drain, no
  // flush. Nothing when it has exited already.
  void Kill();

  // The process id while it runs (for SIGSTOP and SIGCONT); 0 once reaped.
  pid_t pid() const { return child_->running() ? child_->pid() : 0; }

  // Everything the service logged so far.
  std::string Log() const;

 private:
  explicit ServiceProcess(std::unique_ptr<ChildProcess> child) : child_(std::move(child)) {}

  std::unique_ptr<ChildProcess> child_;
  int port_ = 0;
};

}  // namespace jixiao::testing
