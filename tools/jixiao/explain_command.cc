#include "tools/jixiao/explain_command.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/domain/report_id/report_id.h"
#include "services/scoring/engine/explanation/scorecard_text.h"
#include "tools/jixiao/command_options.h"
#include "tools/jixiao/freshness_text.h"
#include "tools/jixiao/unary_call.h"

namespace jixiao::cli {

std::string DepartmentReportId(const std::string& department_code, int year) {
  return report_id::Format(department_code, year,
                           jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION, "");
}

absl::StatusOr<std::string> ExplainedReportId(const std::vector<std::string>& arguments) {
  if (arguments.size() == 1) {
    // Checked here, so that a mistyped id is a usage error rather than a NOT_FOUND.
    if (absl::StatusOr<report_id::Parts> parts = report_id::Parse(arguments[0]); !parts.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("REPORT_ID: ", parts.status().message()));
    }
    return arguments[0];
  }
  if (arguments.size() != 2 || arguments[0].empty()) {
    return absl::InvalidArgumentError("takes REPORT_ID, or DEPT_CODE and YEAR");
  }
  int year = 0;
  if (!absl::SimpleAtoi(arguments[1], &year) || year < 1) {
    return absl::InvalidArgumentError("YEAR must be a year, e.g. 2023");
  }
  return DepartmentReportId(arguments[0], year);
}

int RunExplain(const std::vector<std::string>& args) {
  OptionSet options("jixiao explain",
                    "The scorecard of one report, every point gained or lost with its reason:\n"
                    "REPORT_ID as ingest stored it (DEPT_CODE/YEAR/project/PROJECT_CODE for a\n"
                    "project's self-evaluation, DEPT_CODE/YEAR/evaluation/PROJECT_CODE for an\n"
                    "external evaluation), or DEPT_CODE YEAR for the department's own\n"
                    "self-evaluation (DEPT_CODE/YEAR/department).");
  std::vector<std::string> arguments;
  options.AddArguments("REPORT", arguments, "REPORT_ID, or DEPT_CODE and YEAR");
  QueryCommandOptions query;
  AddQueryCommandOptions(options, query);
  if (auto exit = ParseCommand(options, args)) return *exit;
  auto report_id = ExplainedReportId(arguments);
  if (!report_id.ok()) return UsageError(options, report_id.status().message());

  jixiao::v1::GetScoreCardRequest request;
  request.set_report_id(*report_id);
  if (query.scheme) *request.mutable_scheme() = *query.scheme;
  return CallQueryService<jixiao::v1::GetScoreCardResponse>(
      query,
      [&](auto& stub, auto* context, auto* response) {
        return stub.GetScoreCard(context, request, response);
      },
      [](const jixiao::v1::GetScoreCardResponse& response, std::ostream& out) {
        scoring::PrintScoreCard(response.scorecard(), out);
        out << FreshnessFooter(response.freshness()) << "\n";
      });
}

}  // namespace jixiao::cli
