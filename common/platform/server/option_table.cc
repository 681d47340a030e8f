#include "common/platform/server/option_table.h"

#include <cstdio>
#include <cstdlib>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

extern char** environ;

namespace jixiao::server {
namespace {

[[noreturn]] void ProgrammingError(absl::string_view what) {
  std::fprintf(stderr, "OptionTable: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

absl::Status Check(const OptionSpec& spec, absl::string_view where, absl::string_view value) {
  if (!spec.validate) return absl::OkStatus();
  absl::Status status = spec.validate(value);
  if (status.ok()) return status;
  return absl::InvalidArgumentError(
      absl::StrCat(where, " ", status.message(), ", got \"", value, "\""));
}

}  // namespace

Environment ProcessEnvironment() {
  Environment env;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    absl::string_view text(*entry);
    const size_t equals = text.find('=');
    if (equals == absl::string_view::npos) continue;
    env.emplace(std::string(text.substr(0, equals)), std::string(text.substr(equals + 1)));
  }
  return env;
}

const OptionValues::Entry& OptionValues::Find(absl::string_view name) const {
  auto it = entries_.find(name);
  if (it == entries_.end()) ProgrammingError(absl::StrCat("no option named ", name));
  return it->second;
}

const std::string& OptionValues::Get(absl::string_view name) const { return Find(name).value; }

int64_t OptionValues::GetInt(absl::string_view name) const {
  int64_t value = 0;
  if (!absl::SimpleAtoi(Find(name).value, &value)) {
    ProgrammingError(absl::StrCat("option ", name, " has no integer validator"));
  }
  return value;
}

OptionSource OptionValues::Source(absl::string_view name) const { return Find(name).source; }

OptionTable& OptionTable::Add(OptionSpec spec) {
  if (spec.name.empty() || spec.name == "help") ProgrammingError("reserved or empty option name");
  for (const OptionSpec& existing : specs_) {
    if (existing.name == spec.name) ProgrammingError(absl::StrCat("duplicate option ", spec.name));
    if (!spec.env.empty() && existing.env == spec.env) {
      ProgrammingError(absl::StrCat("duplicate environment variable ", spec.env));
    }
  }
  specs_.push_back(std::move(spec));
  return *this;
}

OptionTable& OptionTable::SetDefault(absl::string_view name, std::string default_value) {
  for (OptionSpec& spec : specs_) {
    if (spec.name == name) {
      spec.default_value = std::move(default_value);
      return *this;
    }
  }
  ProgrammingError(absl::StrCat("SetDefault: no option named ", name));
}

bool OptionTable::Has(absl::string_view name) const { return FindSpec(name) != nullptr; }

const OptionSpec* OptionTable::FindSpec(absl::string_view name) const {
  for (const OptionSpec& spec : specs_) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

absl::StatusOr<OptionValues> OptionTable::Parse(absl::Span<const std::string> args,
                                                const Environment& env) const {
  OptionValues values;
  std::map<std::string, std::string, std::less<>> flags;
  for (size_t i = 0; i < args.size(); ++i) {
    absl::string_view arg = args[i];
    if (arg == "--help" || arg == "-h") {
      values.help_requested_ = true;
      continue;
    }
    if (!absl::StartsWith(arg, "--") || arg.size() == 2) {
      return absl::InvalidArgumentError(
          absl::StrCat("unexpected argument \"", arg, "\"; options are --name=value (see --help)"));
    }
    absl::string_view name = arg.substr(2);
    std::string value;
    const size_t equals = name.find('=');
    if (equals != absl::string_view::npos) {
      value = std::string(name.substr(equals + 1));
      name = name.substr(0, equals);
    } else if (i + 1 < args.size() && !absl::StartsWith(args[i + 1], "--")) {
      value = args[++i];
    } else {
      if (FindSpec(name) == nullptr) {
        return absl::InvalidArgumentError(absl::StrCat("unknown flag --", name, " (see --help)"));
      }
      return absl::InvalidArgumentError(absl::StrCat("--", name, " needs a value"));
    }
    if (FindSpec(name) == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat("unknown flag --", name, " (see --help)"));
    }
    if (!flags.emplace(std::string(name), std::move(value)).second) {
      return absl::InvalidArgumentError(absl::StrCat("--", name, " is given more than once"));
    }
  }

  for (const OptionSpec& spec : specs_) {
    OptionValues::Entry entry{spec.default_value, OptionSource::kDefault};
    std::string where = absl::StrCat("default of --", spec.name);
    if (auto flag = flags.find(spec.name); flag != flags.end()) {
      entry = {flag->second, OptionSource::kFlag};
      where = absl::StrCat("--", spec.name);
    } else if (auto var = spec.env.empty() ? env.end() : env.find(spec.env); var != env.end()) {
      entry = {var->second, OptionSource::kEnvironment};
      where = spec.env;
    }
    if (!values.help_requested_) {
      if (absl::Status status = Check(spec, where, entry.value); !status.ok()) return status;
    }
    values.entries_.emplace(spec.name, std::move(entry));
  }

  if (!env_prefix_.empty()) {
    for (const auto& [name, unused] : env) {
      if (!absl::StartsWith(name, env_prefix_)) continue;
      bool known = false;
      for (const OptionSpec& spec : specs_) known = known || spec.env == name;
      if (!known) values.unknown_environment_.push_back(name);
    }
  }
  return values;
}

std::string OptionTable::Usage(absl::string_view program) const {
  std::string text = absl::StrCat("Usage: ", program, " [--name=value ...]\n\n",
                                  "Options (a flag wins over its environment variable):\n");
  for (const OptionSpec& spec : specs_) {
    absl::StrAppend(&text, "  --", spec.name, "=VALUE");
    if (!spec.env.empty()) absl::StrAppend(&text, "  [", spec.env, "]");
    absl::StrAppend(&text, "  default \"", spec.default_value, "\"\n      ", spec.help, "\n");
  }
  absl::StrAppend(&text, "  --help\n      print this text and exit\n");
  return text;
}

}  // namespace jixiao::server
