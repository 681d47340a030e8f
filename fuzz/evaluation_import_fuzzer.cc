// Why: `jixiao import-evaluation` and the corpus run read published 项目支出绩效自评表
// text, copied from web pages and PDFs, with five layout readers that split cells
// that ran together by enumerating their readings. Arbitrary text must be refused
// or imported, never crash, hang or blow up. An imported report then goes the way
// the CLI sends it: identity applied, validated, normalized, checked.
//
// Input: the table's text (a corpus file without its header block).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/domain/normalization/report_normalizer.h"
#include "common/domain/table_import/evaluation_import.h"
#include "common/domain/table_import/report_identity.h"
#include "common/domain/validation/consistency_checker.h"
#include "common/domain/validation/report_validator.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

// What the CLI's options would give: the table does not print these.
jixiao::table_import::ReportIdentity FuzzIdentity() {
  jixiao::table_import::ReportIdentity identity;
  identity.department_code = "341181:fuzz";
  identity.district_name = "天长市";
  identity.level = jixiao::v1::ADMINISTRATIVE_LEVEL_COUNTY;
  identity.sector_tags = {"fuzz"};
  return identity;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<jixiao::table_import::EvaluationImport> imported =
      jixiao::table_import::ImportEvaluationText(text);
  if (!imported.ok()) {
    Check(!imported.status().message().empty());
    return 0;
  }
  for (const jixiao::table_import::ImportFinding& finding : imported->findings) {
    (void)jixiao::table_import::FindingText(finding);
  }
  jixiao::v1::EvaluationReport& report = imported->report;
  jixiao::table_import::ApplyIdentity(FuzzIdentity(), report);
  (void)jixiao::validation::ValidateReport(report);
  const jixiao::v1::EvaluationReport normalized =
      jixiao::normalization::NormalizeReport(std::move(report));
  (void)jixiao::validation::CheckReportConsistency(normalized);
  return 0;
}
