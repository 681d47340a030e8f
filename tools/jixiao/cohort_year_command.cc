#include "tools/jixiao/cohort_year_command.h"

namespace jixiao::cli {

void AddCohortYearOptions(OptionSet& options, CohortYearOptions& out) {
  AddYear(options, "--year", out.year, "fiscal year")->required();
  options.app()
      .add_option("--district", out.district_codes,
                  "only the departments of this district, by its six-digit code (repeatable)")
      ->type_name("CODE");
  AddCohort(options, out.cohort);
  AddQueryCommandOptions(options, out.query);
}

}  // namespace jixiao::cli
