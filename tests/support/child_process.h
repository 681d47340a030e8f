#pragma once

// A program run as a child of the test process: the one place where tests
// fork and exec (service binaries, redis-server, PostgreSQL's tools).
//
// Everything the child needs (program path, argv, environment, descriptors) is
// prepared before fork(): between fork and exec a multi-threaded process may
// only make async-signal-safe calls. A child that cannot set itself up or exec
// says so through a close-on-exec pipe, so Start() fails with the reason
// instead of a test waiting for a program that never ran. The child reads
// /dev/null and inherits no descriptor beyond 0-2 (test sockets and database
// files must not stay open in a server).
//
// Its stderr can be captured: a thread of this object reads it, so that the
// child never blocks on a full pipe and a test can wait for what it logs
// instead of sleeping (a captured child must not hand its stderr to a daemon
// that outlives it: the reader ends at the pipe's end). Exits are awaited on a pidfd, so a wait
// ends when the child does; every wait is bounded. A child still running when the object is
// destroyed is killed and reaped, and one whose test dies first gets the death
// signal from the kernel (PR_SET_PDEATHSIG).
//
// Not thread-safe, apart from CapturedStderr(): control it from the thread that
// started it (the death signal is tied to that thread).

#include <signal.h>
#include <sys/types.h>

#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace jixiao::testing {

// "exit code N", "signal N" or "wait status N", for failure messages.
std::string DescribeWaitStatus(int status);

class ChildProcess {
 public:
  enum class Stderr {
    kCapture,   // read by this object: CapturedStderr(), WaitForStderr()
    kToStdout,  // wherever stdout goes
  };

  // The user a child runs as, when it must not run as the test's (root).
  struct User {
    uid_t uid = 0;
    gid_t gid = 0;
  };

  struct Options {
    // argv[0] names the program: a path, or a name looked up on PATH.
    std::vector<std::string> argv;
    // Inherited variables whose names start with this are left out; "" keeps all.
    std::string drop_environment_prefix;
    // Set in the child's environment, over inherited ones.
    std::map<std::string, std::string> environment;
    // The child's working directory; empty: the test's.
    std::string working_directory;
    // The file stdout is appended to (created if missing); empty: the test's stdout.
    std::string stdout_path;
    Stderr stderr_to = Stderr::kCapture;
    // Sent to the child when the thread that started it ends; 0: none.
    int death_signal = SIGTERM;
    // Set: the child switches to this user (and its group) before exec.
    std::optional<User> run_as;
  };

  // FAILED_PRECONDITION when the program cannot be found or executed.
  static absl::StatusOr<std::unique_ptr<ChildProcess>> Start(const Options& options);

  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  // False once the child has been reaped.
  bool running() const { return pid_ > 0; }

  // Waits up to `timeout` for the child to exit, reaps it and returns its wait
  // status (WIFEXITED ...); a zero timeout only looks. DEADLINE_EXCEEDED while
  // it runs on; FAILED_PRECONDITION once it has been reaped. Captured stderr is
  // complete when this returns the status.
  absl::StatusOr<int> WaitForExit(absl::Duration timeout);

  // SIGTERM, then WaitForExit(grace). A child that outlasts the grace is
  // killed and reaped, and the answer is DEADLINE_EXCEEDED.
  absl::StatusOr<int> Terminate(absl::Duration grace);

  // SIGKILL and reap; nothing when already reaped.
  void Kill();

  // Everything the child wrote to stderr so far ("" unless captured).
  std::string CapturedStderr() const;

  // Waits up to `timeout` until `ready` holds for the captured stderr. False
  // when it did not: the time ran out or the child closed stderr (exited).
  bool WaitForStderr(const std::function<bool(absl::string_view)>& ready, absl::Duration timeout);

 private:
  ChildProcess(pid_t pid, int pidfd, int stderr_fd);
  void ReadStderr();
  // Waits until the reader has seen the end of the captured stderr, at most `timeout`.
  void WaitForStderrEnd(absl::Duration timeout);

  pid_t pid_;            // 0 once reaped
  const int pidfd_;      // readable once the child has exited
  const int stderr_fd_;  // read end of the captured stderr; -1 when not captured
  mutable std::mutex mu_;
  std::condition_variable changed_;
  std::string stderr_;       // guarded by mu_
  bool stderr_end_ = false;  // guarded by mu_
  std::thread reader_;       // ReadStderr, when captured
};

}  // namespace jixiao::testing
