#include "tools/jixiao/ranking_table.h"

#include "absl/strings/str_cat.h"
#include "tools/jixiao/comparison_cells.h"
#include "tools/jixiao/freshness_text.h"

namespace jixiao::cli {

TextTable RankingTable(const google::protobuf::RepeatedPtrField<jixiao::v1::RankingEntry>& entries,
                       const std::string& marked_code) {
  // A ranking of project reports has a row per project: name the project.
  bool with_projects = false;
  for (const auto& entry : entries) with_projects |= !ProjectCode(entry.report_id()).empty();
  std::vector<std::string> header = {"排名", "代码", "部门"};
  if (with_projects) header.push_back("项目");
  header.push_back("重算得分");
  TextTable table(std::move(header));
  for (const auto& entry : entries) {
    const bool marked = !marked_code.empty() && entry.department_code() == marked_code;
    std::vector<std::string> cells = {
        absl::StrCat(entry.rank()), entry.department_code(),
        entry.department_name().empty() ? kNoValue : entry.department_name()};
    if (with_projects) {
      const std::string project = ProjectCode(entry.report_id());
      cells.push_back(project.empty() ? kNoValue : project);
    }
    cells.push_back(PointsCell(entry.total()) + (marked ? " ←" : ""));
    table.AddRow(std::move(cells));
  }
  return table;
}

void PrintRanking(const jixiao::v1::RankingResponse& response, const std::string& around_code,
                  std::ostream& out) {
  if (response.top_size() > 0) {
    out << "top " << response.top_size() << ":\n";
    RankingTable(response.top(), around_code).Print(out);
  }
  if (response.around_size() > 0) {
    if (response.top_size() > 0) out << "\n";
    out << "around " << around_code << ":\n";
    RankingTable(response.around(), around_code).Print(out);
  }
  if (response.top_size() == 0 && response.around_size() == 0) out << "no ranked departments\n";
  out << "cohort: " << response.cohort_size() << " departments, " << response.ranked() << " ranked";
  if (response.unranked() > 0) {
    out << ", " << response.unranked() << " incomplete (listed apart, not ranked)";
  }
  out << "\n" << FreshnessFooter(response.freshness()) << "\n";
}

}  // namespace jixiao::cli
