#include "tests/support/service_process.h"

#include <regex>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace jixiao::testing {
namespace {

// The port from the ServerRunner's `event=listening ... port=N` line; 0 while
// there is none.
int ListeningPort(absl::string_view log) {
  static const std::regex kLine(R"(event=listening[^\n]* port=([0-9]+))");
  std::match_results<absl::string_view::const_iterator> match;
  if (!std::regex_search(log.begin(), log.end(), match, kLine)) return 0;
  return std::stoi(match[1].str());
}

}  // namespace

absl::StatusOr<std::unique_ptr<ServiceProcess>> ServiceProcess::Spawn(
    const std::string& binary, const std::vector<std::string>& args, const Options& options) {
  ChildProcess::Options child;
  child.argv = {binary};
  child.argv.insert(child.argv.end(), args.begin(), args.end());
  child.drop_environment_prefix = "JIXIAO_";
  child.environment = options.environment;
  child.stdout_path = options.stdout_path;
  child.stderr_to = ChildProcess::Stderr::kCapture;
  child.death_signal = SIGTERM;
  absl::StatusOr<std::unique_ptr<ChildProcess>> started = ChildProcess::Start(child);
  if (!started.ok()) return started.status();
  return std::unique_ptr<ServiceProcess>(new ServiceProcess(*std::move(started)));
}

absl::StatusOr<std::unique_ptr<ServiceProcess>> ServiceProcess::Start(
    const std::string& binary, const std::vector<std::string>& flags,
    absl::Duration startup_deadline) {
  std::vector<std::string> args;
  bool has_listen = false;
  for (const std::string& flag : flags) has_listen |= absl::StartsWith(flag, "--listen");
  if (!has_listen) args.push_back("--listen=127.0.0.1:0");
  args.insert(args.end(), flags.begin(), flags.end());

  absl::StatusOr<std::unique_ptr<ServiceProcess>> process = Spawn(binary, args);
  if (!process.ok()) return process.status();
  if (!(*process)->WaitForListeningPort(startup_deadline).ok()) {
    const bool exited = (*process)->WaitForExit(absl::ZeroDuration()).ok();
    return absl::UnavailableError(absl::StrCat(binary,
                                               exited ? " exited" : " did not start in time",
                                               " before listening; its log:\n", (*process)->Log()));
  }
  return process;
}

ServiceProcess::~ServiceProcess() {
  if (child_->running()) (void)Stop();
}

absl::StatusOr<int> ServiceProcess::WaitForListeningPort(absl::Duration timeout) {
  if (!child_->WaitForStderr([](absl::string_view log) { return ListeningPort(log) > 0; },
                             timeout)) {
    return absl::DeadlineExceededError(absl::StrCat("no event=listening line; log:\n", Log()));
  }
  port_ = ListeningPort(Log());
  return port_;
}

std::string ServiceProcess::address() const { return absl::StrCat("127.0.0.1:", port_); }

absl::StatusOr<int> ServiceProcess::WaitForExit(absl::Duration timeout) {
  return child_->WaitForExit(timeout);
}

absl::StatusOr<int> ServiceProcess::Stop(absl::Duration deadline) {
  return child_->Terminate(deadline);
}

void ServiceProcess::Kill() { child_->Kill(); }

std::string ServiceProcess::Log() const { return child_->CapturedStderr(); }

}  // namespace jixiao::testing
