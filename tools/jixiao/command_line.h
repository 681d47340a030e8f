#pragma once

// A small command-line reader for the jixiao tool: "jixiao <command> [--name value |
// --flag]… [argument]…". Options are declared up front so that a misspelled one
// is an error, not a silently ignored word.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace jixiao::cli {

struct ParsedCommandLine {
  std::map<std::string, std::string> options;  // "--year 2024" → {"year", "2024"}; the last wins
  // Every value of every option, in order: "--district a --district b" → {"district", {"a", "b"}}.
  std::map<std::string, std::vector<std::string>> option_values;
  std::set<std::string> flags;  // "--json" → {"json"}
  std::vector<std::string> arguments;

  std::string Option(const std::string& name, const std::string& fallback = "") const;
  // All the values given to a repeatable option; empty when it was not given.
  std::vector<std::string> Options(const std::string& name) const;
  bool Flag(const std::string& name) const { return flags.count(name) > 0; }
};

// `args` excludes the program and command names.
absl::StatusOr<ParsedCommandLine> ParseCommandLine(const std::vector<std::string>& args,
                                                   const std::set<std::string>& option_names,
                                                   const std::set<std::string>& flag_names);

}  // namespace jixiao::cli
