#include "bench/load/load_options.h"

#include <iostream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "bench/load/rpc_method.h"
#include "common/platform/options/option_checks.h"
#include "common/platform/options/option_set.h"

namespace jixiao::load {
namespace {

// Upper bounds: generous for any real run, but each one keeps a typo (an extra
// zero or three) from turning into a run nobody meant.
constexpr int kMaxConcurrency = 10000;
constexpr double kMaxRate = 1e6;
constexpr int kMaxInFlight = 100000;
constexpr int kMaxChannels = 1024;
constexpr double kMaxDurationSeconds = 86400;
constexpr int64_t kMaxCalls = 10'000'000'000;
constexpr double kMaxWarmupSeconds = 3600;
constexpr int64_t kMaxDeadlineMs = 600'000;

// The command line, bound to `options`, which must outlive it.
class LoadOptionSet {
 public:
  explicit LoadOptionSet(LoadOptions& options)
      : set_("jixiao-load",
             "Sends unary gRPC calls to a server, closed loop (--concurrency) or open loop "
             "(--rate),\nand reports throughput, latency percentiles and every status code it "
             "saw.") {
    namespace checks = jixiao::options;
    set_.Add("--target", options.target, "server to load")->type_name("HOST:PORT");
    set_.Add("--method", options.method,
             "unary method of a linked-in service, e.g. jixiao.v1.QueryService/GetScoreCard")
        ->type_name("SERVICE/METHOD");
    set_.Add("--request-json", options.request_json, "one request as proto3 JSON (default {})")
        ->type_name("JSON");
    set_.Add("--requests", options.requests_file,
             "requests as JSON Lines, one per line, sent in order and cycled")
        ->type_name("FILE");
    set_.AddFlag("--no-repeat", options.no_repeat, "send each request once, then end the run");
    concurrency_ =
        set_.Add("--concurrency", options.concurrency, "closed loop: N calls always in flight")
            ->type_name("N")
            ->check(checks::WholeNumber());
    rate_ = set_.app()
                .add_option_function<double>(
                    "--rate",
                    [&options](double rate) {
                      options.rate = rate;
                      options.mode = LoadMode::kOpenLoop;
                    },
                    "open loop: start R calls per second, whatever the server does")
                ->type_name("R")
                ->check(checks::FiniteNumber());
    max_in_flight_ =
        set_.Add("--max-in-flight", options.max_in_flight,
                 "open loop: calls in flight at most; calls due beyond it are counted as not sent")
            ->type_name("M")
            ->check(checks::WholeNumber());
    set_.Add("--channels", options.channels, "spread the calls over K separate connections")
        ->type_name("K")
        ->check(checks::WholeNumber());
    set_.AddFlag("--retry-unavailable", options.retry_unavailable,
                 "retry calls that fail UNAVAILABLE, as jixiao's services and tool do (up to 3 "
                 "attempts); the report then counts each call once, by its last attempt");
    set_.AddDuration("--duration", options.duration, absl::Seconds(1),
                     "measure for at most this long after the warm-up")
        ->type_name("SECONDS")
        ->check(checks::FiniteNumber());
    set_.Add("--max-calls", options.max_calls, "start at most N measured calls")
        ->type_name("N")
        ->check(checks::WholeNumber());
    set_.AddDuration("--warmup", options.warmup, absl::Seconds(1),
                     "calls started in this first stretch are made but not recorded")
        ->type_name("SECONDS")
        ->check(checks::FiniteNumber());
    set_.AddDuration("--deadline-ms", options.deadline, absl::Milliseconds(1),
                     "deadline of each call")
        ->type_name("MS")
        ->check(checks::WholeNumber());
    set_.AddFlag("--json", options.json, "print the report as one JSON object");
    set_.Add("--label", options.label, "name of the run, repeated in the report")
        ->type_name("TEXT");
    transport::AddTransportSecurityOptions(set_, options.security);
    set_.app().footer(
        "Exit status: 0 when at least one call succeeded, 1 when the run ended with no "
        "successful call\n(the report is printed either way), 2 for a usage error (nothing was "
        "sent).");
  }

  jixiao::options::OptionSet& set() { return set_; }

  // The two modes' options may not be mixed.
  absl::Status CheckModes() const {
    if (rate_->count() > 0 && concurrency_->count() > 0) {
      return absl::InvalidArgumentError(
          "--concurrency (closed loop) and --rate (open loop) exclude each other");
    }
    if (max_in_flight_->count() > 0 && rate_->count() == 0) {
      return absl::InvalidArgumentError("--max-in-flight applies to open-loop runs only (--rate)");
    }
    return absl::OkStatus();
  }

 private:
  jixiao::options::OptionSet set_;
  CLI::Option* concurrency_ = nullptr;
  CLI::Option* rate_ = nullptr;
  CLI::Option* max_in_flight_ = nullptr;
};

absl::Status Refused(absl::string_view what) {
  return absl::InvalidArgumentError(std::string(what));
}

}  // namespace

absl::Status ValidateLoadOptions(const LoadOptions& options) {
  if (options.target.empty()) return Refused("--target must not be empty");
  if (absl::StatusOr<MethodName> method = ParseMethodName(options.method); !method.ok()) {
    return method.status();
  }
  if (!options.request_json.empty() && !options.requests_file.empty()) {
    return Refused("give --request-json or --requests, not both");
  }
  // Both bounds are checked before anything else about the load, so that the
  // message for an unbounded run says exactly that.
  if (!(options.duration > absl::ZeroDuration())) {
    return Refused("a run must be bounded in time: --duration must be more than 0 seconds");
  }
  if (options.duration > absl::Seconds(kMaxDurationSeconds)) {
    return Refused(absl::StrCat("--duration must be at most ", kMaxDurationSeconds, " seconds"));
  }
  if (options.max_calls < 1) {
    return Refused("a run must be bounded in calls: --max-calls must be at least 1");
  }
  if (options.max_calls > kMaxCalls) {
    return Refused(absl::StrCat("--max-calls must be at most ", kMaxCalls));
  }
  if (options.warmup < absl::ZeroDuration() || options.warmup > absl::Seconds(kMaxWarmupSeconds)) {
    return Refused(absl::StrCat("--warmup must be in 0..", kMaxWarmupSeconds, " seconds"));
  }
  if (options.deadline < absl::Milliseconds(1) ||
      options.deadline > absl::Milliseconds(kMaxDeadlineMs)) {
    return Refused(absl::StrCat("--deadline-ms must be in 1..", kMaxDeadlineMs));
  }
  if (options.channels < 1 || options.channels > kMaxChannels) {
    return Refused(absl::StrCat("--channels must be in 1..", kMaxChannels));
  }
  switch (options.mode) {
    case LoadMode::kClosedLoop:
      if (options.concurrency < 1 || options.concurrency > kMaxConcurrency) {
        return Refused(absl::StrCat("--concurrency must be in 1..", kMaxConcurrency));
      }
      break;
    case LoadMode::kOpenLoop:
      if (!(options.rate > 0) || options.rate > kMaxRate) {
        return Refused(
            absl::StrFormat("--rate must be more than 0 and at most %g calls/s", kMaxRate));
      }
      if (options.max_in_flight < 1 || options.max_in_flight > kMaxInFlight) {
        return Refused(absl::StrCat("--max-in-flight must be in 1..", kMaxInFlight));
      }
      break;
  }
  return absl::OkStatus();
}

absl::StatusOr<LoadCommandLine> ParseLoadCommandLine(absl::Span<const std::string> args) {
  LoadCommandLine parsed;
  LoadOptionSet options(parsed.options);
  // jixiao-load reads no variables: a benchmark is described by its command line.
  absl::StatusOr<jixiao::options::ParseOutcome> outcome = options.set().Parse(args, {});
  if (!outcome.ok()) return outcome.status();
  parsed.help = outcome->help_requested;
  if (parsed.help) return parsed;
  if (absl::Status status = options.CheckModes(); !status.ok()) return status;
  if (absl::Status status = ValidateLoadOptions(parsed.options); !status.ok()) return status;
  return parsed;
}

std::string LoadUsage() {
  LoadOptions defaults;
  return LoadOptionSet(defaults).set().Usage();
}

std::optional<int> ExitCodeForLoadCommandLine(const absl::StatusOr<LoadCommandLine>& parsed) {
  LoadOptions defaults;
  LoadOptionSet options(defaults);
  if (!parsed.ok()) return jixiao::options::UsageError(options.set(), parsed.status());
  if (parsed->help) {
    std::cout << options.set().Usage();
    return jixiao::options::kExitOk;
  }
  return std::nullopt;
}

}  // namespace jixiao::load
