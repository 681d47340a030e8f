#include "tests/support/redis_server.h"

#include <hiredis/hiredis.h>
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/platform/redis/sigpipe.h"
#include "tests/support/free_port.h"

namespace jixiao::testing {

namespace {

constexpr absl::Duration kReadyDeadline = absl::Seconds(10);
constexpr absl::Duration kStopGrace = absl::Seconds(10);
constexpr absl::Duration kPollInterval = absl::Milliseconds(5);
constexpr absl::Duration kProbeTimeout = absl::Milliseconds(500);
constexpr int kStartAttempts = 5;

std::string FindRedisServerBinary() {
  if (const char* configured = std::getenv("JIXIAO_REDIS_SERVER");
      configured != nullptr && *configured != '\0') {
    return configured;
  }
  if (access("/usr/bin/redis-server", X_OK) == 0) return "/usr/bin/redis-server";
  return "redis-server";  // execvp searches PATH
}

std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Asks whoever listens on 127.0.0.1:`port` for its process id (INFO server) through hiredis
// directly: the project's Redis client, which the tests exercise, has no say in whether its
// test server is up.
absl::StatusOr<long> QueryServerProcessId(int port) {
  redis::IgnoreSigpipeIfDefault();  // hiredis writes with write(2): a dying server would kill us
  const timeval timeout = absl::ToTimeval(kProbeTimeout);
  std::unique_ptr<redisContext, decltype(&redisFree)> context(
      redisConnectWithTimeout("127.0.0.1", port, timeout), &redisFree);
  if (context == nullptr || context->err != 0) {
    return absl::UnavailableError(
        absl::StrCat("connect: ", context == nullptr ? "out of memory" : context->errstr));
  }
  redisSetTimeout(context.get(), timeout);
  std::unique_ptr<redisReply, decltype(&freeReplyObject)> reply(
      static_cast<redisReply*>(redisCommand(context.get(), "INFO server")), &freeReplyObject);
  if (reply == nullptr) return absl::UnavailableError(absl::StrCat("INFO: ", context->errstr));
  if (reply->type != REDIS_REPLY_STRING) {
    return absl::UnavailableError(absl::StrCat("INFO answered type ", reply->type));
  }
  for (absl::string_view line : absl::StrSplit(absl::string_view(reply->str, reply->len), "\r\n")) {
    if (absl::ConsumePrefix(&line, "process_id:")) {
      long process_id = 0;
      if (absl::SimpleAtoi(line, &process_id)) return process_id;
    }
  }
  return absl::InternalError("INFO server has no process_id");
}

}  // namespace

absl::StatusOr<std::unique_ptr<RedisServer>> RedisServer::Start() {
  absl::StatusOr<std::unique_ptr<TempDir>> directory = TempDir::Create("jixiao-redis");
  if (!directory.ok()) return directory.status();
  std::unique_ptr<RedisServer> server(
      new RedisServer(FindRedisServerBinary(), *std::move(directory)));

  absl::Status last_failure;
  for (int attempt = 1; attempt <= kStartAttempts; ++attempt) {
    absl::StatusOr<int> port = PickFreePort();
    if (!port.ok()) return port.status();
    server->port_ = *port;
    last_failure = server->Launch();
    if (last_failure.ok()) return server;
    // UNAVAILABLE: the port went to someone else between picking and binding. Try another.
    if (!absl::IsUnavailable(last_failure)) break;
  }
  return last_failure;
}

RedisServer::RedisServer(std::string binary, std::unique_ptr<TempDir> directory)
    : binary_(std::move(binary)), directory_(std::move(directory)) {}

// The process goes first; the directory is deleted afterwards, with the member.
RedisServer::~RedisServer() { (void)Stop(); }

std::string RedisServer::url() const { return absl::StrCat("redis://", host_, ":", port_); }

std::string RedisServer::Log() const {
  return absl::StrCat(ReadFileOrEmpty(directory_->File("redis.log")),
                      ReadFileOrEmpty(directory_->File("redis.stdout")));
}

absl::Status RedisServer::Launch() {
  // Loopback only, persistence off, DEBUG allowed for local clients (tests use DEBUG SLEEP).
  const std::vector<std::pair<std::string, std::string>> options = {
      {"--port", absl::StrCat(port_)},
      {"--bind", host_},
      {"--save", ""},
      {"--appendonly", "no"},
      {"--dir", directory_->path()},
      {"--logfile", directory_->File("redis.log")},
      {"--daemonize", "no"},
      {"--enable-debug-command", "local"},
  };
  ChildProcess::Options child;
  child.argv = {binary_};
  for (const auto& [flag, value] : options) {
    child.argv.push_back(flag);
    child.argv.push_back(value);
  }
  child.stdout_path = directory_->File("redis.stdout");
  child.stderr_to = ChildProcess::Stderr::kToStdout;
  child.death_signal = SIGTERM;
  absl::StatusOr<std::unique_ptr<ChildProcess>> started = ChildProcess::Start(child);
  if (absl::IsFailedPrecondition(started.status())) {
    return absl::FailedPreconditionError(
        absl::StrCat(started.status().message(), " (set JIXIAO_REDIS_SERVER); output:\n", Log()));
  }
  if (!started.ok()) return started.status();
  process_ = *std::move(started);

  const absl::Time deadline = absl::Now() + kReadyDeadline;
  absl::Status last_probe;
  while (absl::Now() < deadline) {
    absl::StatusOr<long> answering = QueryServerProcessId(port_);
    if (answering.ok()) {
      if (*answering == static_cast<long>(process_->pid())) return absl::OkStatus();
      (void)Stop();
      return absl::UnavailableError(
          absl::StrCat("port ", port_, " is served by process ", *answering, ", not by ours"));
    }
    last_probe = answering.status();
    // Nothing announces that the port answers, so it is probed at this interval; an exit in
    // the meantime (the port was taken, say) ends the wait at once.
    absl::StatusOr<int> exited = process_->WaitForExit(kPollInterval);
    if (exited.ok()) {
      return absl::UnavailableError(absl::StrCat("redis-server on port ", port_,
                                                 " exited during start-up (",
                                                 DescribeWaitStatus(*exited), "); log:\n", Log()));
    }
    if (!absl::IsDeadlineExceeded(exited.status())) return exited.status();
  }
  (void)Stop();
  return absl::DeadlineExceededError(absl::StrCat(
      "redis-server on port ", port_, " did not answer within ",
      absl::FormatDuration(kReadyDeadline), " (", last_probe.message(), "); log:\n", Log()));
}

void RedisServer::Kill() {
  if (process_ != nullptr) process_->Kill();
}

absl::Status RedisServer::Pause() {
  if (!running() || kill(process_->pid(), SIGSTOP) != 0) {
    return absl::FailedPreconditionError("redis-server: not running");
  }
  return absl::OkStatus();
}

absl::Status RedisServer::Resume() {
  if (!running() || kill(process_->pid(), SIGCONT) != 0) {
    return absl::FailedPreconditionError("redis-server: not running");
  }
  return absl::OkStatus();
}

absl::Status RedisServer::Stop() {
  if (!running()) return absl::OkStatus();
  (void)Resume();  // a stopped process would sit on SIGTERM until killed
  absl::StatusOr<int> stopped = process_->Terminate(kStopGrace);
  if (absl::IsDeadlineExceeded(stopped.status())) {
    return absl::DeadlineExceededError(absl::StrCat("redis-server: ", stopped.status().message()));
  }
  return stopped.status();
}

absl::Status RedisServer::Restart() {
  if (absl::Status stopped = Stop(); !stopped.ok()) return stopped;
  return Launch();
}

}  // namespace jixiao::testing
