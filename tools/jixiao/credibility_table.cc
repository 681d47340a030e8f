#include "tools/jixiao/credibility_table.h"

#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "tools/jixiao/comparison_cells.h"
#include "tools/jixiao/freshness_text.h"

namespace jixiao::cli {
namespace {

std::string Percent(double value) { return absl::StrFormat("%.2f%%", value); }

std::string SignedPercent(double value) { return absl::StrFormat("%+.2f%%", value); }

// "2021 —, 2022 101.20%, 2023 98.70%"
std::string OutturnYears(const jixiao::v1::DepartmentCredibility& department) {
  std::string text;
  for (const jixiao::v1::OutturnYear& year : department.outturn_years()) {
    if (!text.empty()) text += ", ";
    text += absl::StrFormat(
        "%d %s", year.fiscal_year(),
        year.has_outturn_percent() ? Percent(year.outturn_percent()) : std::string(kNoValue));
  }
  return text;
}

// "指标得分率 98% > 执行率 73%" when the self-evaluation claims more than it spent.
std::string ClaimCell(const jixiao::v1::DepartmentCredibility& department) {
  if (!department.claimed_outruns_spending()) return "否";
  if (department.has_indicator_score_rate() && department.has_budget_execution_rate()) {
    return absl::StrFormat("是: 得分率 %.0f%% > 执行率 %.0f%%",
                           department.indicator_score_rate() * 100,
                           department.budget_execution_rate() * 100);
  }
  return "是";
}

}  // namespace

TextTable CredibilityTable(const jixiao::v1::BudgetCredibilityResponse& response) {
  TextTable table({"区", "部门", "自评得分", "重算得分", "预算执行率", "预算调整率",
                   "决算/年初预算 (三年)", "PI-1", "绩效超支出"});
  for (const jixiao::v1::DepartmentCredibility& department : response.departments()) {
    table.AddRow({
        department.department().district().name(),
        department.department().name().empty() ? department.department().code()
                                               : department.department().name(),
        department.has_declared_total() ? PointsCell(department.declared_total()) : kNoValue,
        PointsCell(department.total()) + (department.complete() ? "" : " (不完整)"),
        department.has_execution_percent() ? Percent(department.execution_percent()) : kNoValue,
        department.has_adjustment_percent() ? SignedPercent(department.adjustment_percent())
                                            : kNoValue,
        OutturnYears(department),
        department.outturn_grade().empty() ? kNoValue : department.outturn_grade(),
        ClaimCell(department),
    });
  }
  return table;
}

void PrintCredibility(const jixiao::v1::BudgetCredibilityResponse& response, std::ostream& out) {
  CredibilityTable(response).Print(out);
  for (const jixiao::v1::DepartmentCredibility& department : response.departments()) {
    if (department.outturn_grade().empty() && !department.outturn_not_graded_reason().empty()) {
      out << "PI-1 " << department.department().code() << ": "
          << department.outturn_not_graded_reason() << "\n";
    }
  }
  jixiao::v1::Freshness freshness = response.freshness();
  if (freshness.scheme().id().empty() && response.has_scheme()) {
    *freshness.mutable_scheme() = response.scheme();
  }
  out << response.departments_size() << " departments\n" << FreshnessFooter(freshness) << "\n";
}

}  // namespace jixiao::cli
