#include "tools/jixiao/comparison_table.h"

#include <set>
#include <string>

#include "tools/jixiao/comparison_cells.h"
#include "tools/jixiao/freshness_text.h"

namespace jixiao::cli {
namespace {

// The group codes any row scores; a scheme variant may leave some out.
std::set<std::string> GroupCodes(const jixiao::v1::CompareResponse& response) {
  std::set<std::string> codes;
  for (const auto& row : response.rows()) {
    for (const auto& [code, points] : row.group_points()) codes.insert(code);
  }
  return codes;
}

// Whether any row is a project's report (or an evaluation of one): then the
// table has a project column, as a department may have several rows.
bool HasProjects(const jixiao::v1::CompareResponse& response) {
  for (const auto& row : response.rows()) {
    if (!ProjectCode(row.report_id()).empty()) return true;
  }
  return false;
}

}  // namespace

TextTable ComparisonTable(const jixiao::v1::CompareResponse& response) {
  const std::set<std::string> groups = GroupCodes(response);
  const bool with_projects = HasProjects(response);
  std::vector<std::string> header = {"排名", "区", "部门"};
  if (with_projects) header.push_back("项目");
  for (const char* name :
       {"重算得分", "等级", "自评得分", "自评−重算", "预算执行率", "预算调整率"}) {
    header.push_back(name);
  }
  header.insert(header.end(), groups.begin(), groups.end());
  header.push_back("完整性");
  TextTable table(std::move(header));
  for (const auto& row : response.rows()) {
    std::vector<std::string> cells = {RankCell(row), row.department().district().name(),
                                      DepartmentCell(row)};
    if (with_projects) {
      const std::string project = ProjectCode(row.report_id());
      cells.push_back(project.empty() ? kNoValue : project);
    }
    for (std::string cell :
         {PointsCell(row.total()), GradeCell(row), DeclaredTotalCell(row),
          DeclaredMinusRecomputedCell(row), ExecutionCell(row), AdjustmentCell(row)}) {
      cells.push_back(std::move(cell));
    }
    for (const auto& code : groups) {
      const auto it = row.group_points().find(code);
      cells.push_back(it == row.group_points().end() ? kNoValue : PointsCell(it->second));
    }
    cells.push_back(CompletenessCell(row));
    table.AddRow(std::move(cells));
  }
  return table;
}

void PrintComparison(const jixiao::v1::CompareResponse& response, std::ostream& out) {
  // The response names its scheme twice; the footer takes the top-level one
  // when the freshness leaves it out.
  jixiao::v1::Freshness freshness = response.freshness();
  if (freshness.scheme().id().empty() && response.has_scheme()) {
    *freshness.mutable_scheme() = response.scheme();
  }
  ComparisonTable(response).Print(out);
  int ranked = 0;
  for (const auto& row : response.rows()) ranked += row.rank() > 0 ? 1 : 0;
  out << response.rows_size() << (HasProjects(response) ? " reports, " : " departments, ") << ranked
      << " ranked (" << response.rows_size() - ranked << " incomplete, not ranked)\n"
      << FreshnessFooter(freshness) << "\n";
}

}  // namespace jixiao::cli
