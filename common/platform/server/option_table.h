#pragma once

// A small declarative table of command-line options, each also settable
// through an environment variable, from which both parsing and the usage text
// come. A flag wins over its environment variable, which wins over the default.
// Every value, defaults included, passes the option's validator, so that the
// code reading a value can trust it.
//
//   OptionTable options;
//   options.Add({"workers", "JIXIAO_WORKERS", "4", "threads for blocking work",
//                IntInRange(1, 256)});
//   absl::StatusOr<OptionValues> values = options.Parse(args, ProcessEnvironment());
//   // --workers=x  →  `--workers must be an integer in 1..256, got "x"`

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace jixiao::server {

// Checks one value. On failure returns InvalidArgument whose message says what
// is expected ("must be an integer in 1..256"); the table adds where the value
// came from and the value itself.
using OptionValidator = std::function<absl::Status(absl::string_view value)>;

struct OptionSpec {
  std::string name;           // flag without dashes: "listen" for --listen
  std::string env;            // environment variable, e.g. "JIXIAO_LISTEN"; empty for none
  std::string default_value;  // used when neither flag nor variable is set
  std::string help;           // one line for the usage text
  OptionValidator validate;   // may be empty: any value is accepted
};

// The environment as name → value, passed in rather than read so that tests
// control it.
using Environment = std::map<std::string, std::string>;

// Reads the process environment (environ).
Environment ProcessEnvironment();

// Where a value came from, for logging the effective configuration.
enum class OptionSource { kDefault, kEnvironment, kFlag };

// The parsed, validated value of every option in a table.
class OptionValues {
 public:
  // The value of option `name`. Asking for an option the table does not have
  // is a programming error and aborts.
  const std::string& Get(absl::string_view name) const;
  // The value as an integer; the option's validator must guarantee that it is one.
  int64_t GetInt(absl::string_view name) const;
  OptionSource Source(absl::string_view name) const;

  // --help or -h was given; values are then defaults and nothing was validated.
  bool help_requested() const { return help_requested_; }
  // Variables with the table's prefix (JIXIAO_) that no option reads: likely
  // typos in a deployment, worth a warning.
  const std::vector<std::string>& unknown_environment() const { return unknown_environment_; }

 private:
  friend class OptionTable;
  struct Entry {
    std::string value;
    OptionSource source;
  };
  const Entry& Find(absl::string_view name) const;

  std::map<std::string, Entry, std::less<>> entries_;
  bool help_requested_ = false;
  std::vector<std::string> unknown_environment_;
};

class OptionTable {
 public:
  // `env_prefix` marks the variables that belong to this program; see
  // OptionValues::unknown_environment.
  explicit OptionTable(std::string env_prefix = "JIXIAO_") : env_prefix_(std::move(env_prefix)) {}

  // Adds an option. Names and environment variables must be unique; a clash is
  // a programming error and aborts.
  OptionTable& Add(OptionSpec spec);

  // Replaces the default of an existing option, so that a service can keep the
  // common option but listen on its own port by default.
  OptionTable& SetDefault(absl::string_view name, std::string default_value);

  bool Has(absl::string_view name) const;

  // Parses `args` (without the program name): `--name value`, `--name=value`,
  // `--help`, `-h`. Refuses unknown flags, positional arguments, a flag given
  // twice and a flag without its value. The first invalid value is reported as
  // `--name must be ..., got "value"` (or `JIXIAO_NAME must be ...` when it came
  // from the environment).
  absl::StatusOr<OptionValues> Parse(absl::Span<const std::string> args,
                                     const Environment& env) const;

  // Usage text: a synopsis line for `program`, then each option with its
  // variable, default and help.
  std::string Usage(absl::string_view program) const;

 private:
  const OptionSpec* FindSpec(absl::string_view name) const;

  std::string env_prefix_;
  std::vector<OptionSpec> specs_;  // in the order added, which the usage text keeps
};

}  // namespace jixiao::server
