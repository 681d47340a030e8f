#include "tests/services/ingest/service/spawned_server.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

extern char** environ;

namespace jixiao::ingest::testing {

std::string DescribeWaitStatus(int status) {
  if (WIFEXITED(status)) return absl::StrCat("exit code ", WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return absl::StrCat("signal ", WTERMSIG(status));
  return absl::StrCat("wait status ", status);
}

absl::StatusOr<std::unique_ptr<SpawnedServer>> SpawnedServer::Start(
    const std::string& binary, const std::vector<std::string>& args, const std::string& stdout_path,
    const std::map<std::string, std::string>& env) {
  // Everything the child needs is prepared before fork(): between fork and
  // exec a multi-threaded process may only make async-signal-safe calls.
  std::vector<std::string> arguments = {binary};
  arguments.insert(arguments.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  std::vector<std::string> variables;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    if (!absl::StartsWith(*entry, "JIXIAO_")) variables.emplace_back(*entry);
  }
  for (const auto& [name, value] : env) variables.push_back(absl::StrCat(name, "=", value));
  std::vector<char*> envp;
  for (std::string& variable : variables) envp.push_back(variable.data());
  envp.push_back(nullptr);

  const int out = open(stdout_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (out < 0)
    return absl::InternalError(absl::StrCat("open ", stdout_path, ": ", strerror(errno)));
  int log_pipe[2];
  if (pipe2(log_pipe, O_CLOEXEC) != 0) {
    close(out);
    return absl::InternalError(absl::StrCat("pipe2: ", strerror(errno)));
  }
  const pid_t parent = getpid();
  const pid_t child = fork();
  if (child < 0) {
    close(out);
    close(log_pipe[0]);
    close(log_pipe[1]);
    return absl::InternalError(absl::StrCat("fork: ", strerror(errno)));
  }
  if (child == 0) {
    // Dies with the test even if the test crashes before the destructor runs.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);
    // dup2 clears close-on-exec on the copies, which the binary keeps.
    if (dup2(out, STDOUT_FILENO) < 0 || dup2(log_pipe[1], STDERR_FILENO) < 0) _exit(127);
    execve(argv[0], argv.data(), envp.data());
    constexpr char kFailed[] = "exec of the server binary failed\n";
    (void)!write(STDERR_FILENO, kFailed, sizeof(kFailed) - 1);
    _exit(127);
  }
  close(out);
  close(log_pipe[1]);
  return std::unique_ptr<SpawnedServer>(new SpawnedServer(child, log_pipe[0]));
}

SpawnedServer::SpawnedServer(pid_t pid, int log_fd)
    : pid_(pid), log_fd_(log_fd), reader_([this] { ReadLog(); }) {}

SpawnedServer::~SpawnedServer() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  // The child is gone, so its end of the pipe is closed and the reader sees EOF.
  reader_.join();
  close(log_fd_);
}

void SpawnedServer::ReadLog() {
  char buffer[4096];
  for (;;) {
    const ssize_t n = read(log_fd_, buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR) continue;
    std::lock_guard<std::mutex> lock(mu_);
    if (n <= 0) {
      if (!partial_.empty()) lines_.push_back(std::move(partial_));
      eof_ = true;
      changed_.notify_all();
      return;
    }
    partial_.append(buffer, static_cast<size_t>(n));
    size_t newline;
    while ((newline = partial_.find('\n')) != std::string::npos) {
      lines_.push_back(partial_.substr(0, newline));
      partial_.erase(0, newline + 1);
    }
    changed_.notify_all();
  }
}

std::optional<std::string> SpawnedServer::WaitForLine(
    std::initializer_list<absl::string_view> parts, absl::Duration timeout) {
  std::optional<std::string> found;
  size_t checked = 0;
  auto search = [&] {
    for (; checked < lines_.size(); ++checked) {
      const std::string& line = lines_[checked];
      bool all = true;
      for (absl::string_view part : parts) all = all && absl::StrContains(line, part);
      if (all) {
        found = line;
        return true;
      }
    }
    return eof_;
  };
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait_for(lock, absl::ToChronoNanoseconds(timeout), search);
  return found;
}

absl::StatusOr<int> SpawnedServer::WaitForListeningPort(absl::Duration timeout) {
  std::optional<std::string> line = WaitForLine({"event=listening", " port="}, timeout);
  if (!line.has_value()) {
    return absl::DeadlineExceededError(absl::StrCat("no event=listening line; log:\n", Log()));
  }
  absl::string_view rest = *line;
  rest.remove_prefix(rest.find(" port=") + 6);
  int port = 0;
  if (!absl::SimpleAtoi(rest.substr(0, rest.find(' ')), &port) || port <= 0) {
    return absl::InternalError(absl::StrCat("no port in: ", *line));
  }
  return port;
}

absl::StatusOr<int> SpawnedServer::WaitForExit(absl::Duration timeout) {
  if (pid_ <= 0) return absl::FailedPreconditionError("the child was already reaped");
  {
    // The child's stderr closes when it exits: wait for that, not for time.
    std::unique_lock<std::mutex> lock(mu_);
    if (!changed_.wait_for(lock, absl::ToChronoNanoseconds(timeout), [this] { return eof_; })) {
      return absl::DeadlineExceededError(
          absl::StrCat("the child did not exit within ", absl::FormatDuration(timeout)));
    }
  }
  int status = 0;
  if (waitpid(pid_, &status, 0) != pid_) {
    return absl::InternalError(absl::StrCat("waitpid: ", strerror(errno)));
  }
  pid_ = -1;
  return status;
}

absl::StatusOr<int> SpawnedServer::Terminate(absl::Duration timeout) {
  if (pid_ <= 0) return absl::FailedPreconditionError("the child was already reaped");
  kill(pid_, SIGTERM);
  absl::StatusOr<int> status = WaitForExit(timeout);
  if (absl::IsDeadlineExceeded(status.status())) {
    kill(pid_, SIGKILL);
    (void)WaitForExit(absl::InfiniteDuration());
  }
  return status;
}

std::string SpawnedServer::Log() const {
  std::lock_guard<std::mutex> lock(mu_);
  return absl::StrCat(absl::StrJoin(lines_, "\n"), partial_.empty() ? "" : "\n", partial_);
}

}  // namespace jixiao::ingest::testing
