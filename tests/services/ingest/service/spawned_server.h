#pragma once

// A jixiao service binary run as a child process, as a deployment runs it.
// Its stderr (the log) is read line by line on a thread of this object, so
// that the child never blocks on a full pipe and the test can wait for a line
// ("event=listening") instead of sleeping; its stdout goes to a file the test
// can inspect. The child gets SIGKILL if the test process dies
// (PR_SET_PDEATHSIG), and the destructor kills and reaps a child still
// running, so that no server outlives its test.
//
// Not thread-safe: control it from the test's main thread.

#include <sys/types.h>

#include <condition_variable>
#include <initializer_list>
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

namespace jixiao::ingest::testing {

class SpawnedServer {
 public:
  // Runs `binary` with `args`, its stdout appended to `stdout_path`. The child's
  // environment is this process's without its JIXIAO_* variables (ctest sets
  // JIXIAO_SOURCE_DIR, which a service would warn about), plus `env`.
  static absl::StatusOr<std::unique_ptr<SpawnedServer>> Start(
      const std::string& binary, const std::vector<std::string>& args,
      const std::string& stdout_path, const std::map<std::string, std::string>& env = {});

  ~SpawnedServer();
  SpawnedServer(const SpawnedServer&) = delete;
  SpawnedServer& operator=(const SpawnedServer&) = delete;

  // The first log line that contains every one of `parts`, waiting up to
  // `timeout` for it; nullopt if none came (or the child exited first).
  std::optional<std::string> WaitForLine(std::initializer_list<absl::string_view> parts,
                                         absl::Duration timeout);

  // The port of the `event=listening port=N` line ServerRunner logs.
  absl::StatusOr<int> WaitForListeningPort(absl::Duration timeout);

  // Waits up to `timeout` for the child to exit by itself and returns its wait
  // status (see waitpid); DEADLINE_EXCEEDED, leaving it running, if it does not.
  absl::StatusOr<int> WaitForExit(absl::Duration timeout);

  // SIGTERM, then WaitForExit; a child that outlasts `timeout` is killed.
  absl::StatusOr<int> Terminate(absl::Duration timeout);

  // Everything logged so far.
  std::string Log() const;

 private:
  SpawnedServer(pid_t pid, int log_fd);
  void ReadLog();

  pid_t pid_;           // -1 once reaped
  const int log_fd_;    // read end of the child's stderr
  std::thread reader_;  // ReadLog

  mutable std::mutex mu_;
  std::condition_variable changed_;
  std::vector<std::string> lines_;  // guarded by mu_
  std::string partial_;             // guarded by mu_: a line not yet ended
  bool eof_ = false;                // guarded by mu_: the child closed stderr (it exited)
};

// "exit code N" or "signal N", for failure messages.
std::string DescribeWaitStatus(int status);

}  // namespace jixiao::ingest::testing
