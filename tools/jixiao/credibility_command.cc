#include "tools/jixiao/credibility_command.h"

#include "tools/jixiao/cohort_year_command.h"
#include "tools/jixiao/credibility_table.h"
#include "tools/jixiao/unary_call.h"

namespace jixiao::cli {

int RunCredibility(const std::vector<std::string>& args) {
  OptionSet options(
      "jixiao credibility",
      "The budget-credibility lens of a cohort's departments: execution and adjustment rates,\n"
      "aggregate outturn (final / initial budget) over the last three years graded A–D in the\n"
      "PEFA PI-1 style, and whether the claimed performance outruns the spending, beside the\n"
      "declared and recomputed scores.");
  CohortYearOptions cohort_year;
  AddCohortYearOptions(options, cohort_year);
  if (auto exit = ParseCommand(options, args)) return *exit;

  jixiao::v1::BudgetCredibilityRequest request;
  FillCohortYearRequest(cohort_year, request);
  return CallQueryService<jixiao::v1::BudgetCredibilityResponse>(
      cohort_year.query,
      [&](auto& stub, auto* context, auto* response) {
        return stub.BudgetCredibility(context, request, response);
      },
      PrintCredibility);
}

}  // namespace jixiao::cli
