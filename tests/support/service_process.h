#pragma once
// A jixiao service binary run as a child process for integration tests.
//
// Start() launches it with the given flags (and --listen 127.0.0.1:0 unless the
// flags say otherwise), reads its log from stderr until the server's
// `event=listening ... port=N` line, and returns with the port. The log keeps
// being collected for failure messages. Stop() sends SIGTERM (the services'
// graceful stop), waits for the exit within a deadline, and returns the exit
// status; SIGKILL follows if the deadline passes. The destructor stops a child
// that still runs, and a child whose test process dies gets SIGTERM from the
// kernel (PR_SET_PDEATHSIG).
//
// Control it from the thread that started it (the death signal is tied to it).
#include <sys/types.h>

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace jixiao::testing {

class ServiceProcess {
 public:
  static absl::StatusOr<std::unique_ptr<ServiceProcess>> Start(
      const std::string& binary, const std::vector<std::string>& flags,
      absl::Duration startup_deadline = absl::Seconds(30));
  ~ServiceProcess();
  ServiceProcess(const ServiceProcess&) = delete;
  ServiceProcess& operator=(const ServiceProcess&) = delete;

  int port() const { return port_; }
  // "127.0.0.1:<port>"
  std::string address() const;

  // SIGTERM, then the exit status as waitpid reports it (WIFEXITED ...).
  absl::StatusOr<int> Stop(absl::Duration deadline = absl::Seconds(20));

  // Everything the process wrote to stderr so far.
  std::string Log() const;

 private:
  ServiceProcess(pid_t pid, int stderr_fd);
  void ReadLog();

  pid_t pid_;
  int stderr_fd_;
  int port_ = 0;
  mutable std::mutex mu_;
  std::condition_variable changed_;
  std::string log_;    // guarded by mu_
  bool eof_ = false;   // guarded by mu_
  int listening_ = 0;  // guarded by mu_: the port, once logged
  std::thread reader_;
};

}  // namespace jixiao::testing
