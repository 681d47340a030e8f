#include "bench/load/load_options.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "bench/load/rpc_method.h"

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

absl::StatusOr<double> ParseNumber(absl::string_view flag, const std::string& text) {
  double value = 0;
  if (!absl::SimpleAtod(text, &value) || !std::isfinite(value)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", flag, " must be a number, got \"", text, "\""));
  }
  return value;
}

absl::StatusOr<int64_t> ParseInteger(absl::string_view flag, const std::string& text) {
  int64_t value = 0;
  if (!absl::SimpleAtoi(text, &value)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", flag, " must be a whole number, got \"", text, "\""));
  }
  return value;
}

// Range checks happen in ValidateLoadOptions, so that a value out of range is
// refused the same way whether it came from the command line or from code;
// narrowing here only has to survive until then.
int ClampToInt(int64_t value) {
  return static_cast<int>(
      std::clamp<int64_t>(value, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

struct OptionSpec {
  std::string name;
  std::string value_name;  // empty for a flag, which takes no value
  std::string help;
  std::function<absl::Status(const std::string& value, LoadOptions& options)> apply;
};

std::vector<OptionSpec> OptionSpecs() {
  const LoadOptions defaults;
  auto seconds = [](absl::string_view flag, absl::Duration LoadOptions::*field) {
    return [flag = std::string(flag), field](const std::string& text, LoadOptions& options) {
      absl::StatusOr<double> value = ParseNumber(flag, text);
      if (!value.ok()) return value.status();
      options.*field = absl::Seconds(*value);
      return absl::OkStatus();
    };
  };
  auto whole = [](absl::string_view flag, int LoadOptions::*field) {
    return [flag = std::string(flag), field](const std::string& text, LoadOptions& options) {
      absl::StatusOr<int64_t> value = ParseInteger(flag, text);
      if (!value.ok()) return value.status();
      options.*field = ClampToInt(*value);
      return absl::OkStatus();
    };
  };
  auto text = [](std::string LoadOptions::*field) {
    return [field](const std::string& value, LoadOptions& options) {
      options.*field = value;
      return absl::OkStatus();
    };
  };
  return {
      {"target", "HOST:PORT", absl::StrCat("server to load (default ", defaults.target, ")"),
       text(&LoadOptions::target)},
      {"method", "SERVICE/METHOD",
       absl::StrCat("unary method of a linked-in service, e.g. jixiao.v1.QueryService/GetScoreCard "
                    "(default ",
                    defaults.method, ")"),
       text(&LoadOptions::method)},
      {"request-json", "JSON", "one request as proto3 JSON (default {})",
       text(&LoadOptions::request_json)},
      {"requests", "FILE", "requests as JSON Lines, one per line, sent in order and cycled",
       text(&LoadOptions::requests_file)},
      {"no-repeat", "", "send each request once, then end the run",
       [](const std::string&, LoadOptions& options) {
         options.no_repeat = true;
         return absl::OkStatus();
       }},
      {"concurrency", "N",
       absl::StrCat("closed loop: N calls always in flight (default ", defaults.concurrency, ")"),
       whole("concurrency", &LoadOptions::concurrency)},
      {"rate", "R", "open loop: start R calls per second, whatever the server does",
       [](const std::string& text, LoadOptions& options) {
         absl::StatusOr<double> value = ParseNumber("rate", text);
         if (!value.ok()) return value.status();
         options.rate = *value;
         options.mode = LoadMode::kOpenLoop;
         return absl::OkStatus();
       }},
      {"max-in-flight", "M",
       absl::StrCat("open loop: calls in flight at most; calls due beyond it are counted as not "
                    "sent (default ",
                    defaults.max_in_flight, ")"),
       whole("max-in-flight", &LoadOptions::max_in_flight)},
      {"channels", "K",
       absl::StrCat("spread the calls over K separate connections (default ", defaults.channels,
                    ")"),
       whole("channels", &LoadOptions::channels)},
      {"duration", "SECONDS",
       absl::StrCat("measure for at most this long after the warm-up (default ",
                    absl::ToDoubleSeconds(defaults.duration), ")"),
       seconds("duration", &LoadOptions::duration)},
      {"max-calls", "N",
       absl::StrCat("start at most N measured calls (default ", defaults.max_calls, ")"),
       [](const std::string& text, LoadOptions& options) {
         absl::StatusOr<int64_t> value = ParseInteger("max-calls", text);
         if (!value.ok()) return value.status();
         options.max_calls = *value;
         return absl::OkStatus();
       }},
      {"warmup", "SECONDS",
       "calls started in this first stretch are made but not recorded (default 0)",
       seconds("warmup", &LoadOptions::warmup)},
      {"deadline-ms", "MS",
       absl::StrCat("deadline of each call (default ", absl::ToInt64Milliseconds(defaults.deadline),
                    ")"),
       [](const std::string& text, LoadOptions& options) {
         absl::StatusOr<int64_t> value = ParseInteger("deadline-ms", text);
         if (!value.ok()) return value.status();
         options.deadline = absl::Milliseconds(*value);
         return absl::OkStatus();
       }},
      {"json", "", "print the report as one JSON object",
       [](const std::string&, LoadOptions& options) {
         options.json = true;
         return absl::OkStatus();
       }},
      {"label", "TEXT", "name of the run, repeated in the report", text(&LoadOptions::label)},
  };
}

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
  const std::vector<OptionSpec> specs = OptionSpecs();
  LoadCommandLine parsed;
  std::set<std::string> seen;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      parsed.help = true;
      return parsed;
    }
    if (!absl::StartsWith(arg, "--")) {
      return absl::InvalidArgumentError(
          absl::StrCat("unexpected argument \"", arg, "\" (options start with --; see --help)"));
    }
    std::string name = arg.substr(2);
    std::string value;
    bool has_value = false;
    if (const size_t equals = name.find('='); equals != std::string::npos) {
      value = name.substr(equals + 1);
      name.resize(equals);
      has_value = true;
    }
    const OptionSpec* spec = nullptr;
    for (const OptionSpec& candidate : specs) {
      if (candidate.name == name) spec = &candidate;
    }
    if (spec == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat("unknown option --", name, " (see --help)"));
    }
    if (!seen.insert(name).second) {
      return absl::InvalidArgumentError(absl::StrCat("--", name, " given twice"));
    }
    const bool is_flag = spec->value_name.empty();
    if (is_flag && has_value) {
      return absl::InvalidArgumentError(absl::StrCat("--", name, " takes no value"));
    }
    if (!is_flag && !has_value) {
      if (i + 1 >= args.size()) {
        return absl::InvalidArgumentError(absl::StrCat("--", name, " needs a value"));
      }
      value = args[++i];
    }
    if (absl::Status status = spec->apply(value, parsed.options); !status.ok()) return status;
  }
  if (seen.count("rate") > 0 && seen.count("concurrency") > 0) {
    return absl::InvalidArgumentError(
        "--concurrency (closed loop) and --rate (open loop) exclude each other");
  }
  if (seen.count("max-in-flight") > 0 && seen.count("rate") == 0) {
    return absl::InvalidArgumentError("--max-in-flight applies to open-loop runs only (--rate)");
  }
  if (absl::Status status = ValidateLoadOptions(parsed.options); !status.ok()) return status;
  return parsed;
}

std::string LoadUsage() {
  std::string text =
      "Usage: jixiao-load [--option value ...]\n"
      "Sends unary gRPC calls to a server, closed loop (--concurrency) or open loop (--rate),\n"
      "and reports throughput, latency percentiles and every status code it saw.\n\n";
  for (const OptionSpec& spec : OptionSpecs()) {
    const std::string synopsis = spec.value_name.empty()
                                     ? absl::StrCat("--", spec.name)
                                     : absl::StrCat("--", spec.name, " ", spec.value_name);
    absl::StrAppend(&text, "  ", synopsis, "\n      ", spec.help, "\n");
  }
  absl::StrAppend(&text,
                  "\nExit status: 0 when at least one call succeeded, 1 when the run ended with "
                  "no successful call\n(the report is printed either way), 2 for a usage error "
                  "(nothing was sent).\n");
  return text;
}

}  // namespace jixiao::load
