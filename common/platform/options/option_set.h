#pragma once

// The command line of one jixiao program or command, on CLI11: each option is
// bound to a field of a typed struct, so that code reads `options.workers`
// rather than a value looked up by name, and a misspelt option does not compile.
// An option may also be set through an environment variable; a flag wins over
// its variable, which wins over the field's initial value (the default).
//
//   struct Settings { int workers = 4; };
//   Settings settings;
//   OptionSet options("jixiao-ingest", "Stores evaluation reports.");
//   options.Add("--workers", settings.workers, "threads for blocking work", "JIXIAO_WORKERS")
//       ->check(IntInRange(1, 256));
//   absl::StatusOr<ParseOutcome> outcome = options.Parse(args, ProcessEnvironment());
//   // --workers=x  →  `--workers must be an integer in 1..256, got "x"`
//   if (std::optional<int> code = ExitCodeForParse(outcome, options)) return *code;

#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "common/platform/options/environment.h"

namespace jixiao::options {

// The exit codes every jixiao program shares.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;  // a bad command line; nothing was done

struct ParseOutcome {
  // --help or -h was given: nothing else was read or checked.
  bool help_requested = false;
  // Variables with the JIXIAO_ prefix that no option reads: likely typos in a
  // deployment, worth a warning.
  std::vector<std::string> unknown_environment;
};

class OptionSet {
 public:
  // `program` is how the usage names the command: "jixiao-ingest", "jixiao compare".
  OptionSet(std::string program, std::string description);
  OptionSet(const OptionSet&) = delete;
  OptionSet& operator=(const OptionSet&) = delete;

  // `--name` bound to `field`, whose value on entry is the default. With
  // `variable` ("JIXIAO_...") the option can also come from the environment.
  template <typename T>
  CLI::Option* Add(const std::string& flag, T& field, std::string help,
                   const std::string& variable = "") {
    return Bind(app_.add_option(flag, field, WithVariable(std::move(help), variable))
                    ->capture_default_str(),
                variable);
  }

  // A duration given as a number of `unit`s ("--drain-seconds 10"); its
  // default is shown in the same unit.
  CLI::Option* AddDuration(const std::string& flag, absl::Duration& field, absl::Duration unit,
                           std::string help, const std::string& variable = "");

  // A flag that takes no value and sets `field` to true; `variable`, when set, may say
  // true or false (also 1 or 0).
  CLI::Option* AddFlag(const std::string& flag, bool& field, std::string help,
                       const std::string& variable = "");

  // Positional arguments, in order, into `field`.
  template <typename T>
  CLI::Option* AddArguments(const std::string& name, T& field, std::string help) {
    return app_.add_option(name, field, std::move(help));
  }

  // For what the helpers above do not cover (option groups, exclusions).
  CLI::App& app() { return app_; }

  // Parses `args` (without the program name) and the variables of `env`. The
  // first problem is returned as InvalidArgument naming the flag or variable:
  // `--workers must be an integer in 1..256, got "x"`, `unknown option --wrokers
  // (see --help)`, `--listen needs a value`, `--label is given more than once`.
  absl::StatusOr<ParseOutcome> Parse(absl::Span<const std::string> args, const Environment& env);

  // The usage text: synopsis, description, every option with its default and
  // variable, and the footer (if any).
  std::string Usage() const;
  const std::string& program() const { return program_; }

 private:
  static std::string WithVariable(std::string help, const std::string& variable);
  CLI::Option* Bind(CLI::Option* option, const std::string& variable);
  absl::Status ApplyEnvironment(const Environment& env);

  std::string program_;
  CLI::App app_;
  // Options settable through a variable, in the order added.
  std::vector<std::pair<CLI::Option*, std::string>> variables_;
};

// What main does with a parse: on --help prints the usage to `out` and returns
// kExitOk; on an error prints `program: message` and a hint to `err` and
// returns kExitUsage; otherwise returns nothing and main goes on.
std::optional<int> ExitCodeForParse(const absl::StatusOr<ParseOutcome>& outcome,
                                    const OptionSet& options, std::ostream& out = std::cout,
                                    std::ostream& err = std::cerr);

// Prints `program: message` and the hint to `err`; returns kExitUsage. For a
// problem found after parsing (a missing required value, a contradiction).
int UsageError(const OptionSet& options, const absl::Status& problem,
               std::ostream& err = std::cerr);

}  // namespace jixiao::options
