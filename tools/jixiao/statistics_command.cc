#include "tools/jixiao/statistics_command.h"

#include "tools/jixiao/cohort_year_command.h"
#include "tools/jixiao/statistics_table.h"
#include "tools/jixiao/unary_call.h"

namespace jixiao::cli {

int RunStatistics(const std::vector<std::string>& args) {
  OptionSet options("jixiao statistics",
                    "A cohort's recomputed scores in one year: mean, quartiles, grades and "
                    "colours, and\neach department's rank, mid-rank percentile and change from "
                    "the year before\n(only the departments named by --department, when given).");
  CohortYearOptions cohort_year;
  AddCohortYearOptions(options, cohort_year);
  std::vector<std::string> departments;
  options.app()
      .add_option("--department", departments, "only this department's standing (repeatable)")
      ->type_name("CODE");
  if (auto exit = ParseCommand(options, args)) return *exit;

  jixiao::v1::CohortStatisticsRequest request;
  FillCohortYearRequest(cohort_year, request);
  for (const std::string& code : departments) request.add_department_codes(code);
  return CallQueryService<jixiao::v1::CohortStatisticsResponse>(
      cohort_year.query,
      [&](auto& stub, auto* context, auto* response) {
        return stub.CohortStatistics(context, request, response);
      },
      PrintStatistics);
}

}  // namespace jixiao::cli
