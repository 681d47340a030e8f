#include "services/query/logic/report_ids.h"

#include "services/ingest/validation/report_validator.h"

namespace jixiao::query {

std::string ReportIdOf(absl::string_view department_code, int fiscal_year,
                       jixiao::v1::ReportKind kind) {
  jixiao::v1::EvaluationReport report;
  report.mutable_department()->set_code(std::string(department_code));
  report.set_fiscal_year(fiscal_year);
  report.set_kind(kind == jixiao::v1::REPORT_KIND_UNSPECIFIED
                      ? jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION
                      : kind);
  return ingest::DeriveReportId(report);
}

}  // namespace jixiao::query
