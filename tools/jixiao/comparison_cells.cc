#include "tools/jixiao/comparison_cells.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/domain/report_id/report_id.h"

namespace jixiao::cli {
namespace {

// More names than this make a cell wider than the rest of the row.
constexpr int kMissingNamed = 3;

}  // namespace

std::string PointsCell(double points) { return absl::StrFormat("%.2f", points); }

std::string RankCell(const jixiao::v1::ComparisonRow& row) {
  return row.rank() > 0 ? absl::StrCat(row.rank()) : kNoValue;
}

std::string DepartmentCell(const jixiao::v1::ComparisonRow& row) {
  return row.department().name().empty() ? row.department().code() : row.department().name();
}

std::string ProjectCode(const std::string& report_id) {
  absl::StatusOr<report_id::Parts> parts = report_id::Parse(report_id);
  return parts.ok() ? parts->project_code : "";
}

std::string GradeCell(const jixiao::v1::ComparisonRow& row) {
  return row.grade().empty() ? kNoValue : row.grade();
}

std::string DeclaredTotalCell(const jixiao::v1::ComparisonRow& row) {
  std::string cell = row.has_declared_total() ? PointsCell(row.declared_total()) : kNoValue;
  if (!row.declared_grade().empty()) absl::StrAppend(&cell, " (", row.declared_grade(), ")");
  return cell;
}

std::string DeclaredMinusRecomputedCell(const jixiao::v1::ComparisonRow& row) {
  if (row.signals().has_declared_minus_recomputed()) {
    return absl::StrFormat("%+.2f", row.signals().declared_minus_recomputed());
  }
  // Older scorecards may lack the signal; the difference is the same figure.
  if (row.has_declared_total()) return absl::StrFormat("%+.2f", row.declared_total() - row.total());
  return kNoValue;
}

std::string ExecutionCell(const jixiao::v1::ComparisonRow& row) {
  return row.has_budget_execution_percent()
             ? absl::StrFormat("%.2f%%", row.budget_execution_percent())
             : kNoValue;
}

std::string AdjustmentCell(const jixiao::v1::ComparisonRow& row) {
  return row.has_budget_adjustment_percent()
             ? absl::StrFormat("%+.2f%%", row.budget_adjustment_percent())
             : kNoValue;
}

std::string CompletenessCell(const jixiao::v1::ComparisonRow& row) {
  if (row.complete()) return "完整";
  if (row.missing().empty()) return "不完整";
  std::string cell = "缺 ";
  const int named = std::min(row.missing_size(), kMissingNamed);
  for (int i = 0; i < named; ++i) {
    // "管理效率 (management): 报告未给出…" → "管理效率": the reason is in `jixiao explain`.
    const absl::string_view missing = row.missing(i);
    absl::StrAppend(&cell, i > 0 ? ", " : "", missing.substr(0, missing.find(" (")));
  }
  if (row.missing_size() > named) absl::StrAppend(&cell, ", … (+", row.missing_size() - named, ")");
  return cell;
}

}  // namespace jixiao::cli
