#include "tests/support/service_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <regex>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace jixiao::testing {
namespace {

// The port from the ServerRunner's `event=listening ... port=N` line.
int ListeningPort(const std::string& log) {
  static const std::regex kLine(R"(event=listening[^\n]* port=([0-9]+))");
  std::smatch match;
  if (!std::regex_search(log, match, kLine)) return 0;
  return std::stoi(match[1].str());
}

}  // namespace

absl::StatusOr<std::unique_ptr<ServiceProcess>> ServiceProcess::Start(
    const std::string& binary, const std::vector<std::string>& flags,
    absl::Duration startup_deadline) {
  std::vector<std::string> args = {binary};
  bool has_listen = false;
  for (const std::string& flag : flags) has_listen |= absl::StartsWith(flag, "--listen");
  if (!has_listen) args.push_back("--listen=127.0.0.1:0");
  args.insert(args.end(), flags.begin(), flags.end());

  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return absl::InternalError(strerror(errno));
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) return absl::InternalError(absl::StrCat("fork: ", strerror(errno)));
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) _exit(127);
    dup2(fds[1], STDERR_FILENO);
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  close(fds[1]);
  std::unique_ptr<ServiceProcess> process(new ServiceProcess(pid, fds[0]));
  std::unique_lock<std::mutex> lock(process->mu_);
  const bool up =
      process->changed_.wait_for(lock, absl::ToChronoNanoseconds(startup_deadline),
                                 [&] { return process->listening_ > 0 || process->eof_; });
  if (process->listening_ == 0) {
    const std::string log = process->log_;
    lock.unlock();
    process.reset();  // stops it
    return absl::UnavailableError(absl::StrCat(binary, up ? " exited" : " did not start in time",
                                               " before listening; its log:\n", log));
  }
  process->port_ = process->listening_;
  return process;
}

ServiceProcess::ServiceProcess(pid_t pid, int stderr_fd)
    : pid_(pid), stderr_fd_(stderr_fd), reader_([this] { ReadLog(); }) {}

ServiceProcess::~ServiceProcess() {
  if (pid_ > 0) (void)Stop();
  if (reader_.joinable()) reader_.join();
  close(stderr_fd_);
}

std::string ServiceProcess::address() const { return absl::StrCat("127.0.0.1:", port_); }

void ServiceProcess::ReadLog() {
  char buffer[4096];
  while (true) {
    const ssize_t n = read(stderr_fd_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    std::lock_guard<std::mutex> lock(mu_);
    if (n <= 0) {
      eof_ = true;
      changed_.notify_all();
      return;
    }
    log_.append(buffer, static_cast<size_t>(n));
    if (listening_ == 0) listening_ = ListeningPort(log_);
    changed_.notify_all();
  }
}

absl::StatusOr<int> ServiceProcess::Stop(absl::Duration deadline) {
  if (pid_ <= 0) return absl::FailedPreconditionError("not running");
  kill(pid_, SIGTERM);
  {
    // The child's stderr closes when it exits.
    std::unique_lock<std::mutex> lock(mu_);
    if (!changed_.wait_for(lock, absl::ToChronoNanoseconds(deadline), [this] { return eof_; })) {
      kill(pid_, SIGKILL);
    }
  }
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = 0;
  return status;
}

std::string ServiceProcess::Log() const {
  std::lock_guard<std::mutex> lock(mu_);
  return log_;
}

}  // namespace jixiao::testing
