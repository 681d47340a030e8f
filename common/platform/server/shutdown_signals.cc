#include "common/platform/server/shutdown_signals.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace jixiao::server {
namespace {

// The pipe the signal handler writes to; -1 while no watcher exists. A signal
// handler can reach nothing but globals.
std::atomic<int> g_signal_pipe{-1};

struct sigaction g_previous_term;
struct sigaction g_previous_int;

// A zero byte on the pipe tells the watcher thread to stop; signals are non-zero.
constexpr unsigned char kStopByte = 0;

extern "C" void OnShutdownSignal(int signal_number) {
  const int saved_errno = errno;
  const int fd = g_signal_pipe.load();
  if (fd >= 0) {
    const unsigned char byte = static_cast<unsigned char>(signal_number);
    // Non-blocking: if the pipe were ever full, dropping a repeated signal is fine.
    [[maybe_unused]] ssize_t ignored = ::write(fd, &byte, 1);
  }
  errno = saved_errno;
}

[[noreturn]] void Fail(const char* what) {
  std::perror(what);
  std::abort();
}

}  // namespace

ShutdownSignalWatcher::ShutdownSignalWatcher(std::function<void(int)> on_signal)
    : on_signal_(std::move(on_signal)) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) Fail("ShutdownSignalWatcher: pipe2");
  read_fd_ = fds[0];
  write_fd_ = fds[1];
  if (::fcntl(write_fd_, F_SETFL, O_NONBLOCK) != 0) Fail("ShutdownSignalWatcher: fcntl");

  int expected = -1;
  if (!g_signal_pipe.compare_exchange_strong(expected, write_fd_)) {
    std::fprintf(stderr, "ShutdownSignalWatcher: only one may exist at a time\n");
    std::abort();
  }
  struct sigaction action {};
  action.sa_handler = OnShutdownSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // other threads' system calls carry on undisturbed
  if (::sigaction(SIGTERM, &action, &g_previous_term) != 0 ||
      ::sigaction(SIGINT, &action, &g_previous_int) != 0) {
    Fail("ShutdownSignalWatcher: sigaction");
  }
  thread_ = std::thread([this] { WatchLoop(); });
}

ShutdownSignalWatcher::~ShutdownSignalWatcher() {
  ::sigaction(SIGTERM, &g_previous_term, nullptr);
  ::sigaction(SIGINT, &g_previous_int, nullptr);
  g_signal_pipe.store(-1);
  const unsigned char stop = kStopByte;
  while (::write(write_fd_, &stop, 1) < 0 && errno == EINTR) {
  }
  thread_.join();
  ::close(read_fd_);
  ::close(write_fd_);
}

void ShutdownSignalWatcher::WatchLoop() {
  while (true) {
    unsigned char byte = 0;
    const ssize_t got = ::read(read_fd_, &byte, 1);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0 || byte == kStopByte) return;
    on_signal_(byte);
  }
}

void IgnoreSigpipe() {
  struct sigaction action {};
  action.sa_handler = SIG_IGN;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGPIPE, &action, nullptr);
}

}  // namespace jixiao::server
