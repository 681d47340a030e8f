#include "tools/jixiao/compare_command.h"

#include "tools/jixiao/cohort_year_command.h"
#include "tools/jixiao/comparison_table.h"
#include "tools/jixiao/unary_call.h"

namespace jixiao::cli {

int RunCompare(const std::vector<std::string>& args) {
  OptionSet options("jixiao compare",
                    "Departments of every district (or of the districts named by their six-digit "
                    "codes)\nre-scored under one scheme and ranked, each beside its own declared "
                    "score.");
  CohortYearOptions cohort_year;
  AddCohortYearOptions(options, cohort_year);
  bool shared_groups = false;
  options.AddFlag("--shared-groups", shared_groups,
                  "compare only the groups every department scored in full, ranked by the "
                  "percent of their maximum earned");
  if (auto exit = ParseCommand(options, args)) return *exit;

  jixiao::v1::CompareRequest request;
  FillCohortYearRequest(cohort_year, request);
  request.set_shared_groups_only(shared_groups);
  return CallQueryService<jixiao::v1::CompareResponse>(
      cohort_year.query,
      [&](auto& stub, auto* context, auto* response) {
        return stub.Compare(context, request, response);
      },
      PrintComparison);
}

}  // namespace jixiao::cli
