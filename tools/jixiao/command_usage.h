#pragma once

// How the network commands answer a bad command line (the usage on stderr, exit
// code 2) and --help (the usage on stdout, exit code 0).

#include <iostream>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "tools/jixiao/command_line.h"

namespace jixiao::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// One line of a usage's option list, the descriptions aligned:
//   "  --timeout SECONDS      deadline of each call (default 30)\n"
std::string OptionHelp(const std::string& option, const std::string& description);

// Prints "jixiao COMMAND: <problem's message>" (unless `problem` is OK) and
// `usage` to `err`; returns kExitUsage.
int UsageError(const std::string& command, const absl::Status& problem, const std::string& usage,
               std::ostream& err = std::cerr);

// Parses `args` with the command's options plus the flag "help". Returns the
// exit code to end with when parsing failed (usage error) or --help was asked
// (usage on `out`), else nothing and fills `parsed`.
std::optional<int> ParseOrExit(const std::string& command, const std::vector<std::string>& args,
                               std::set<std::string> option_names, std::set<std::string> flag_names,
                               const std::string& usage, ParsedCommandLine& parsed,
                               std::ostream& out = std::cout, std::ostream& err = std::cerr);

}  // namespace jixiao::cli
