// Why: target tables arrive as text twice over: ImportTargetTable requests carry the
// published 项目支出绩效目标表 text to ingest (ImportTargetTableText), and the CLI reads
// any of four layouts (ImportAnyTargetTableText). Both must take arbitrary text
// without crashing or hanging; what they import goes on, as in ingest, to
// validation, normalization (every target parsed) and the consistency checks.
//
// Input: the table's text (a corpus file without its header block).

#include <cstddef>
#include <cstdint>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/domain/normalization/report_normalizer.h"
#include "common/domain/table_import/report_identity.h"
#include "common/domain/table_import/target_table_layouts.h"
#include "common/domain/table_import/target_table_text.h"
#include "common/domain/validation/consistency_checker.h"
#include "common/domain/validation/report_validator.h"

namespace {

// What the request or the CLI's options would give: the table does not print these.
jixiao::table_import::ReportIdentity FuzzIdentity() {
  jixiao::table_import::ReportIdentity identity;
  identity.department_code = "440106:fuzz";
  identity.district_name = "天河区";
  identity.level = jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT;
  identity.year = 2024;
  return identity;
}

void Accept(jixiao::v1::ProjectTargetTable table) {
  jixiao::table_import::ApplyIdentity(FuzzIdentity(), table);
  (void)jixiao::validation::ValidateTargetTable(table);
  const jixiao::v1::ProjectTargetTable normalized =
      jixiao::normalization::NormalizeTargetTable(std::move(table));
  (void)jixiao::validation::CheckTargetTableConsistency(normalized);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  Accept(jixiao::table_import::ImportTargetTableText(text).table);
  absl::StatusOr<jixiao::table_import::TargetTableLayoutImport> any =
      jixiao::table_import::ImportAnyTargetTableText(text);
  if (any.ok()) Accept(std::move(any->import.table));
  return 0;
}
