#include "tools/jixiao/command_line.h"

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace jixiao::cli {

std::string ParsedCommandLine::Option(const std::string& name, const std::string& fallback) const {
  const auto it = options.find(name);
  return it == options.end() ? fallback : it->second;
}

std::vector<std::string> ParsedCommandLine::Options(const std::string& name) const {
  const auto it = option_values.find(name);
  return it == option_values.end() ? std::vector<std::string>{} : it->second;
}

absl::StatusOr<ParsedCommandLine> ParseCommandLine(const std::vector<std::string>& args,
                                                   const std::set<std::string>& option_names,
                                                   const std::set<std::string>& flag_names) {
  ParsedCommandLine parsed;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!absl::StartsWith(arg, "--")) {
      parsed.arguments.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2);
    std::string value;
    const size_t eq = name.find('=');
    const bool inline_value = eq != std::string::npos;
    if (inline_value) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (flag_names.count(name) > 0 && !inline_value) {
      parsed.flags.insert(name);
    } else if (option_names.count(name) > 0) {
      if (!inline_value) {
        if (i + 1 >= args.size()) {
          return absl::InvalidArgumentError(absl::StrCat("--", name, " needs a value"));
        }
        value = args[++i];
      }
      parsed.options[name] = value;
      parsed.option_values[name].push_back(value);
    } else {
      return absl::InvalidArgumentError(absl::StrCat("unknown option --", name));
    }
  }
  return parsed;
}

}  // namespace jixiao::cli
