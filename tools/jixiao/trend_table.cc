#include "tools/jixiao/trend_table.h"

#include "absl/strings/str_cat.h"
#include "tools/jixiao/comparison_cells.h"
#include "tools/jixiao/freshness_text.h"

namespace jixiao::cli {

TextTable TrendTable(const jixiao::v1::TrendResponse& response) {
  TextTable table(
      {"年度", "重算得分", "等级", "自评得分", "自评−重算", "预算执行率", "排名", "完整性"});
  for (const auto& point : response.points()) {
    const auto& row = point.row();
    table.AddRow({absl::StrCat(point.fiscal_year()), PointsCell(row.total()), GradeCell(row),
                  DeclaredTotalCell(row), DeclaredMinusRecomputedCell(row), ExecutionCell(row),
                  RankCell(row), CompletenessCell(row)});
  }
  return table;
}

void PrintTrend(const jixiao::v1::TrendResponse& response, std::ostream& out) {
  if (response.points_size() == 0) {
    out << "no scored years\n";
  } else {
    const auto& department = response.points(0).row().department();
    out << (department.name().empty()
                ? department.code()
                : absl::StrCat(department.name(), " (", department.code(), ")"))
        << "\n";
    TrendTable(response).Print(out);
  }
  out << FreshnessFooter(response.freshness()) << "\n";
}

}  // namespace jixiao::cli
