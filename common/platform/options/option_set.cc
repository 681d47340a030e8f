#include "common/platform/options/option_set.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace jixiao::options {
namespace {

constexpr char kVariablePrefix[] = "JIXIAO_";

// CLI11 reports "NAME: what"; every jixiao message reads "NAME what".
std::string WithoutColon(const std::string& message) {
  const size_t colon = message.find(": ");
  if (colon == std::string::npos) return message;
  return absl::StrCat(message.substr(0, colon), " ", message.substr(colon + 2));
}

std::string NameBeforeColon(const std::string& message) {
  return message.substr(0, message.find(": "));
}

// CLI11's messages for its own checks, in the words jixiao uses everywhere.
absl::Status FromCli11(const CLI::ParseError& error) {
  const std::string message = error.what();
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr) {
    if (absl::StrContains(message, "At Most")) {
      return absl::InvalidArgumentError(
          absl::StrCat(NameBeforeColon(message), " is given more than once"));
    }
    if (const size_t end = message.find(" was given a disallowed flag override");
        end != std::string::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat("--", message.substr(0, end), " takes no value"));
    }
    if (absl::StrContains(message, "missing")) {
      return absl::InvalidArgumentError(absl::StrCat(NameBeforeColon(message), " needs a value"));
    }
  }
  return absl::InvalidArgumentError(WithoutColon(message));
}

// What is left over once every option and argument took its own.
absl::Status Leftover(const std::string& arg) {
  if (absl::StartsWith(arg, "-") && arg.size() > 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown option ", arg.substr(0, arg.find('=')), " (see --help)"));
  }
  return absl::InvalidArgumentError(absl::StrCat("unexpected argument \"", arg, "\" (see --help)"));
}

bool AsksForHelp(absl::Span<const std::string> args) {
  for (const std::string& arg : args) {
    if (arg == "--") return false;
    if (arg == "--help" || arg == "-h") return true;
  }
  return false;
}

}  // namespace

OptionSet::OptionSet(std::string program, std::string description)
    : program_(std::move(program)), app_(std::move(description), program_) {
  app_.set_help_flag("-h,--help", "print this text and exit");
  // Leftovers are reported by Parse, in the words of Leftover().
  app_.allow_extras();
  app_.get_formatter()->column_width(32);
  app_.get_formatter()->label("OPTIONS", "OPTIONS");
}

std::string OptionSet::WithVariable(std::string help, const std::string& variable) {
  if (variable.empty()) return help;
  return absl::StrCat(help, " [", variable, "]");
}

CLI::Option* OptionSet::Bind(CLI::Option* option, const std::string& variable) {
  if (!variable.empty()) variables_.emplace_back(option, variable);
  return option;
}

CLI::Option* OptionSet::AddDuration(const std::string& flag, absl::Duration& field,
                                    absl::Duration unit, std::string help,
                                    const std::string& variable) {
  CLI::Option* option = app_.add_option_function<double>(
      flag, [&field, unit](double count) { field = count * unit; },
      WithVariable(std::move(help), variable));
  option->default_str(absl::StrFormat("%g", absl::FDivDuration(field, unit)));
  return Bind(option, variable);
}

CLI::Option* OptionSet::AddFlag(const std::string& flag, bool& field, std::string help,
                                const std::string& variable) {
  return Bind(
      app_.add_flag(flag, field, WithVariable(std::move(help), variable))->disable_flag_override(),
      variable);
}

absl::Status OptionSet::ApplyEnvironment(const Environment& env) {
  for (const auto& [option, variable] : variables_) {
    if (option->count() > 0) continue;  // the flag wins
    const auto value = env.find(variable);
    // A configured default is checked like a configured value, so that a
    // deployment that sets nothing learns which option it must set.
    const bool from_environment = value != env.end();
    // A flag's default is its field's value already.
    if (!from_environment && option->get_items_expected_max() == 0) continue;
    const std::string where =
        from_environment ? variable : absl::StrCat("default of ", option->get_name());
    try {
      option->add_result(from_environment ? value->second : option->get_default_str());
      option->run_callback();
    } catch (const CLI::ParseError& error) {
      // CLI11's message names the flag: "--workers: must be ...".
      const std::string message = error.what();
      const size_t colon = message.find(": ");
      return absl::InvalidArgumentError(absl::StrCat(
          where, " ", colon == std::string::npos ? message : message.substr(colon + 2)));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<ParseOutcome> OptionSet::Parse(absl::Span<const std::string> args,
                                              const Environment& env) {
  ParseOutcome outcome;
  // Checked before CLI11 parses, which would first refuse a bad value next to --help.
  if (AsksForHelp(args)) {
    outcome.help_requested = true;
    return outcome;
  }
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them backwards
  try {
    app_.parse(reversed);
  } catch (const CLI::ParseError& error) {
    // A misspelt option explains a missing one ("--yaer" for the required
    // "--year"): the leftover is named first.
    if (!app_.remaining().empty()) return Leftover(app_.remaining().front());
    return FromCli11(error);
  }
  if (!app_.remaining().empty()) return Leftover(app_.remaining().front());
  if (absl::Status status = ApplyEnvironment(env); !status.ok()) return status;

  for (const auto& [name, unused] : env) {
    if (!absl::StartsWith(name, kVariablePrefix)) continue;
    const bool known =
        std::any_of(variables_.begin(), variables_.end(),
                    [&name = name](const auto& bound) { return bound.second == name; });
    if (!known) outcome.unknown_environment.push_back(name);
  }
  return outcome;
}

std::string OptionSet::Usage() const { return app_.help(); }

std::optional<int> ExitCodeForParse(const absl::StatusOr<ParseOutcome>& outcome,
                                    const OptionSet& options, std::ostream& out,
                                    std::ostream& err) {
  if (!outcome.ok()) return UsageError(options, outcome.status(), err);
  if (outcome->help_requested) {
    out << options.Usage();
    return kExitOk;
  }
  return std::nullopt;
}

int UsageError(const OptionSet& options, const absl::Status& problem, std::ostream& err) {
  err << options.program() << ": " << problem.message() << "\n"
      << "Run " << options.program() << " --help for the options.\n";
  return kExitUsage;
}

}  // namespace jixiao::options
