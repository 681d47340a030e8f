#include "tests/support/child_process.h"

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"

extern char** environ;

namespace jixiao::testing {
namespace {

// How long a reaped child's captured stderr may take to reach its end: only a
// grandchild that kept the pipe open could make it take longer.
constexpr absl::Duration kStderrDrain = absl::Seconds(5);

// A descriptor closed on scope exit.
class OwnedFd {
 public:
  OwnedFd() = default;
  explicit OwnedFd(int fd) : fd_(fd) {}
  ~OwnedFd() { Reset(); }
  OwnedFd(OwnedFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  OwnedFd& operator=(OwnedFd&& other) noexcept {
    Reset();
    fd_ = std::exchange(other.fd_, -1);
    return *this;
  }
  int get() const { return fd_; }
  int Release() { return std::exchange(fd_, -1); }
  void Reset() {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

absl::Status ErrnoStatus(absl::string_view what) {
  return absl::InternalError(absl::StrCat(what, ": ", std::strerror(errno)));
}

// Both ends close-on-exec; [0] reads, [1] writes.
absl::Status MakePipe(OwnedFd& read_end, OwnedFd& write_end) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return ErrnoStatus("pipe2");
  read_end = OwnedFd(fds[0]);
  write_end = OwnedFd(fds[1]);
  return absl::OkStatus();
}

// The program execve runs: `name` itself when it is a path, else the first
// executable of that name on PATH (looked up here, since the child may not).
absl::StatusOr<std::string> ResolveProgram(const std::string& name) {
  if (name.find('/') != std::string::npos) return name;
  const char* path = std::getenv("PATH");
  for (absl::string_view directory : absl::StrSplit(path != nullptr ? path : "", ':')) {
    std::string candidate = absl::StrCat(directory.empty() ? "." : directory, "/", name);
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return absl::FailedPreconditionError(absl::StrCat("cannot run ", name, ": not found on PATH"));
}

// What the child failed at, as it reports it through the setup pipe.
enum class SetupStep : int { kRedirect = 1, kSwitchUser, kChangeDirectory, kExec };

struct SetupFailure {
  SetupStep step;
  int error;
};

// Everything the child uses, prepared before fork().
struct ChildPlan {
  std::string program;
  std::vector<char*> argv;
  std::vector<char*> envp;
  const char* working_directory = nullptr;
  int stdin_fd = -1;
  int stdout_fd = -1;  // -1: the test's stdout
  int stderr_fd = -1;  // -1: stdout
  int setup_fd = -1;
  int death_signal = 0;
  pid_t parent = 0;
  std::optional<ChildProcess::User> run_as;
};

[[noreturn]] void FailSetup(int setup_fd, SetupStep step) {
  const SetupFailure failure{step, errno};
  (void)!write(setup_fd, &failure, sizeof(failure));
  _exit(127);
}

// The child between fork and exec: async-signal-safe calls only.
[[noreturn]] void RunChild(const ChildPlan& plan) {
  if (plan.death_signal != 0) {
    prctl(PR_SET_PDEATHSIG, plan.death_signal);
    // The test died before the signal was armed.
    if (getppid() != plan.parent) _exit(127);
  }
  // dup2 clears close-on-exec on the copies, which the program keeps.
  if (dup2(plan.stdin_fd, STDIN_FILENO) < 0) FailSetup(plan.setup_fd, SetupStep::kRedirect);
  if (plan.stdout_fd >= 0 && dup2(plan.stdout_fd, STDOUT_FILENO) < 0) {
    FailSetup(plan.setup_fd, SetupStep::kRedirect);
  }
  if (dup2(plan.stderr_fd >= 0 ? plan.stderr_fd : STDOUT_FILENO, STDERR_FILENO) < 0) {
    FailSetup(plan.setup_fd, SetupStep::kRedirect);
  }
  // Close-on-exec rather than closed: the setup pipe must stay open until exec.
  close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
  if (plan.run_as.has_value() && (setgroups(1, &plan.run_as->gid) != 0 ||
                                  setgid(plan.run_as->gid) != 0 || setuid(plan.run_as->uid) != 0)) {
    FailSetup(plan.setup_fd, SetupStep::kSwitchUser);
  }
  if (plan.working_directory != nullptr && chdir(plan.working_directory) != 0) {
    FailSetup(plan.setup_fd, SetupStep::kChangeDirectory);
  }
  execve(plan.program.c_str(), plan.argv.data(), plan.envp.data());
  FailSetup(plan.setup_fd, SetupStep::kExec);
}

absl::Status DescribeSetupFailure(const SetupFailure& failure, const ChildProcess::Options& options,
                                  const std::string& program) {
  const char* reason = std::strerror(failure.error);
  switch (failure.step) {
    case SetupStep::kRedirect:
      return absl::InternalError(absl::StrCat("redirecting the child's output: ", reason));
    case SetupStep::kSwitchUser:
      return absl::InternalError(
          absl::StrCat("switching the child to uid ", options.run_as->uid, ": ", reason));
    case SetupStep::kChangeDirectory:
      return absl::InternalError(absl::StrCat("changing the child's directory to ",
                                              options.working_directory, ": ", reason));
    case SetupStep::kExec:
      return absl::FailedPreconditionError(absl::StrCat("cannot run ", program, ": ", reason));
  }
  return absl::InternalError("the child failed to start");
}

// The environment for the child: this process's, filtered, plus `options.environment`.
std::vector<std::string> ChildEnvironment(const ChildProcess::Options& options) {
  std::vector<std::string> variables;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const absl::string_view variable = *entry;
    const absl::string_view name = variable.substr(0, variable.find('='));
    if (!options.drop_environment_prefix.empty() &&
        absl::StartsWith(name, options.drop_environment_prefix)) {
      continue;
    }
    if (options.environment.count(std::string(name)) > 0) continue;
    variables.emplace_back(variable);
  }
  for (const auto& [name, value] : options.environment) {
    variables.push_back(absl::StrCat(name, "=", value));
  }
  return variables;
}

std::vector<char*> NullTerminated(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (std::string& text : strings) pointers.push_back(text.data());
  pointers.push_back(nullptr);
  return pointers;
}

}  // namespace

std::string DescribeWaitStatus(int status) {
  if (WIFEXITED(status)) return absl::StrCat("exit code ", WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return absl::StrCat("signal ", WTERMSIG(status));
  return absl::StrCat("wait status ", status);
}

absl::StatusOr<std::unique_ptr<ChildProcess>> ChildProcess::Start(const Options& options) {
  if (options.argv.empty()) return absl::InvalidArgumentError("no program to run");
  absl::StatusOr<std::string> program = ResolveProgram(options.argv.front());
  if (!program.ok()) return program.status();

  ChildPlan plan;
  plan.program = *std::move(program);
  std::vector<std::string> arguments = options.argv;
  std::vector<std::string> variables = ChildEnvironment(options);
  plan.argv = NullTerminated(arguments);
  plan.envp = NullTerminated(variables);
  if (!options.working_directory.empty()) {
    plan.working_directory = options.working_directory.c_str();
  }
  plan.death_signal = options.death_signal;
  plan.parent = getpid();
  plan.run_as = options.run_as;

  OwnedFd stdin_fd(open("/dev/null", O_RDONLY | O_CLOEXEC));
  if (stdin_fd.get() < 0) return ErrnoStatus("open /dev/null");
  plan.stdin_fd = stdin_fd.get();
  OwnedFd stdout_fd;
  if (!options.stdout_path.empty()) {
    stdout_fd =
        OwnedFd(open(options.stdout_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644));
    if (stdout_fd.get() < 0) return ErrnoStatus(absl::StrCat("open ", options.stdout_path));
    plan.stdout_fd = stdout_fd.get();
  }
  OwnedFd stderr_read, stderr_write;
  if (options.stderr_to == Stderr::kCapture) {
    if (absl::Status piped = MakePipe(stderr_read, stderr_write); !piped.ok()) return piped;
    plan.stderr_fd = stderr_write.get();
  }
  OwnedFd setup_read, setup_write;
  if (absl::Status piped = MakePipe(setup_read, setup_write); !piped.ok()) return piped;
  plan.setup_fd = setup_write.get();

  const pid_t child = fork();
  if (child < 0) return ErrnoStatus("fork");
  if (child == 0) RunChild(plan);

  // The child holds its own copies; ours must go so that EOF means what it says.
  setup_write.Reset();
  stderr_write.Reset();
  SetupFailure failure{};
  ssize_t received;
  while ((received = read(setup_read.get(), &failure, sizeof(failure))) < 0 && errno == EINTR) {
  }
  if (received != 0) {
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (received != static_cast<ssize_t>(sizeof(failure))) {
      return absl::InternalError("the child failed to start");
    }
    return DescribeSetupFailure(failure, options, plan.program);
  }
  // The exec succeeded. pidfd_open through syscall(): Debian 12's <sys/pidfd.h> declares pidfd_open
  // without C linkage.
  OwnedFd pidfd(static_cast<int>(syscall(SYS_pidfd_open, child, 0)));
  if (pidfd.get() < 0) {
    const absl::Status failed = ErrnoStatus("pidfd_open");
    kill(child, SIGKILL);
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    return failed;
  }
  return std::unique_ptr<ChildProcess>(
      new ChildProcess(child, pidfd.Release(), stderr_read.Release()));
}

ChildProcess::ChildProcess(pid_t pid, int pidfd, int stderr_fd)
    : pid_(pid), pidfd_(pidfd), stderr_fd_(stderr_fd) {
  if (stderr_fd_ >= 0) {
    reader_ = std::thread([this] { ReadStderr(); });
  } else {
    stderr_end_ = true;
  }
}

ChildProcess::~ChildProcess() {
  Kill();
  // The child is gone, so its end of the pipe is closed and the reader sees EOF.
  if (reader_.joinable()) reader_.join();
  if (stderr_fd_ >= 0) close(stderr_fd_);
  close(pidfd_);
}

void ChildProcess::ReadStderr() {
  char buffer[4096];
  while (true) {
    const ssize_t n = read(stderr_fd_, buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR) continue;
    std::lock_guard<std::mutex> lock(mu_);
    if (n <= 0) {
      stderr_end_ = true;
      changed_.notify_all();
      return;
    }
    stderr_.append(buffer, static_cast<size_t>(n));
    changed_.notify_all();
  }
}

void ChildProcess::WaitForStderrEnd(absl::Duration timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait_for(lock, absl::ToChronoNanoseconds(timeout), [this] { return stderr_end_; });
}

absl::StatusOr<int> ChildProcess::WaitForExit(absl::Duration timeout) {
  if (pid_ <= 0) return absl::FailedPreconditionError("the child was already reaped");
  const absl::Time deadline = absl::Now() + timeout;
  while (true) {
    // poll's timeout in whole milliseconds, rounded up so that a wait never ends early.
    const absl::Duration left =
        std::clamp(deadline - absl::Now(), absl::ZeroDuration(), absl::Hours(24));
    const int left_ms =
        deadline == absl::InfiniteFuture()
            ? -1
            : static_cast<int>(absl::ToInt64Milliseconds(absl::Ceil(left, absl::Milliseconds(1))));
    pollfd exited{pidfd_, POLLIN, 0};
    const int ready = poll(&exited, 1, left_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) return ErrnoStatus("poll on the child's pidfd");
    if (ready > 0) break;
    return absl::DeadlineExceededError(
        absl::StrCat("process ", pid_, " did not exit within ", absl::FormatDuration(timeout)));
  }
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0) {
    if (errno != EINTR) return ErrnoStatus(absl::StrCat("waitpid ", pid_));
  }
  pid_ = 0;
  WaitForStderrEnd(kStderrDrain);
  return status;
}

absl::StatusOr<int> ChildProcess::Terminate(absl::Duration grace) {
  if (pid_ <= 0) return absl::FailedPreconditionError("the child was already reaped");
  kill(pid_, SIGTERM);
  absl::StatusOr<int> status = WaitForExit(grace);
  if (!absl::IsDeadlineExceeded(status.status())) return status;
  const pid_t pid = pid_;
  Kill();
  return absl::DeadlineExceededError(absl::StrCat("process ", pid, " ignored SIGTERM for ",
                                                  absl::FormatDuration(grace), "; killed"));
}

void ChildProcess::Kill() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = 0;
}

std::string ChildProcess::CapturedStderr() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stderr_;
}

bool ChildProcess::WaitForStderr(const std::function<bool(absl::string_view)>& ready,
                                 absl::Duration timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  bool met = false;
  changed_.wait_for(lock, absl::ToChronoNanoseconds(timeout), [&] {
    met = ready(stderr_);
    return met || stderr_end_;
  });
  return met;
}

}  // namespace jixiao::testing
