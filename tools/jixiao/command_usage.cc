#include "tools/jixiao/command_usage.h"

namespace jixiao::cli {

std::string OptionHelp(const std::string& option, const std::string& description) {
  constexpr size_t kColumn = 21;  // wide enough for "--scheme ID[@VERSION]"
  const size_t pad = option.size() < kColumn ? kColumn - option.size() : 0;
  return "  " + option + std::string(pad + 2, ' ') + description + "\n";
}

int UsageError(const std::string& command, const absl::Status& problem, const std::string& usage,
               std::ostream& err) {
  if (!problem.ok()) err << "jixiao " << command << ": " << problem.message() << "\n";
  err << usage;
  return kExitUsage;
}

std::optional<int> ParseOrExit(const std::string& command, const std::vector<std::string>& args,
                               std::set<std::string> option_names, std::set<std::string> flag_names,
                               const std::string& usage, ParsedCommandLine& parsed,
                               std::ostream& out, std::ostream& err) {
  flag_names.insert("help");
  auto command_line = ParseCommandLine(args, option_names, flag_names);
  if (!command_line.ok()) return UsageError(command, command_line.status(), usage, err);
  if (command_line->Flag("help")) {
    out << usage;
    return kExitOk;
  }
  parsed = *std::move(command_line);
  return std::nullopt;
}

}  // namespace jixiao::cli
