#include "tools/jixiao/query_request_options.h"

#include "tools/jixiao/command_usage.h"
#include "tools/jixiao/typed_options.h"

namespace jixiao::cli {

std::string SchemeHelp() {
  return OptionHelp("--scheme ID[@VERSION]",
                    "scoring scheme (default: the query service's default, latest version)");
}

std::string CohortHelp() {
  return OptionHelp("--level L", "peer group of one level: province, city, district or county") +
         OptionHelp("--sector TAG", "peer group by sector tag (repeatable)") +
         OptionHelp("--cohort NAME",
                    "a peer group configured in the service (then the two "
                    "above are ignored)");
}

const std::set<std::string>& CohortOptions() {
  static const auto* const kNames = new std::set<std::string>{"level", "sector", "cohort"};
  return *kNames;
}

absl::StatusOr<std::optional<jixiao::v1::SchemeRef>> SchemeFromOptions(
    const ParsedCommandLine& cl) {
  if (cl.options.count("scheme") == 0) return std::optional<jixiao::v1::SchemeRef>();
  auto scheme = ParseSchemeRef(cl.Option("scheme"));
  if (!scheme.ok()) return scheme.status();
  return std::optional<jixiao::v1::SchemeRef>(*std::move(scheme));
}

absl::StatusOr<std::optional<jixiao::v1::Cohort>> CohortFromOptions(const ParsedCommandLine& cl) {
  const bool any = cl.options.count("level") > 0 || cl.options.count("sector") > 0 ||
                   cl.options.count("cohort") > 0;
  if (!any) return std::optional<jixiao::v1::Cohort>();
  jixiao::v1::Cohort cohort;
  cohort.set_name(cl.Option("cohort"));
  if (cl.options.count("level") > 0) {
    auto level = ParseLevel(cl.Option("level"));
    if (!level.ok()) return level.status();
    cohort.set_level(*level);
  }
  for (const std::string& tag : cl.Options("sector")) cohort.add_sector_tags(tag);
  return std::optional<jixiao::v1::Cohort>(std::move(cohort));
}

}  // namespace jixiao::cli
