#include "services/query/logic/row_ranking.h"

#include <algorithm>

namespace jixiao::query {

void RankRows(std::vector<jixiao::v1::ComparisonRow>& rows) {
  using Row = jixiao::v1::ComparisonRow;
  const auto first_unranked = std::stable_partition(rows.begin(), rows.end(),
                                                    [](const Row& row) { return row.complete(); });
  // std::string compares bytes as unsigned, as Redis orders members.
  std::sort(rows.begin(), first_unranked, [](const Row& a, const Row& b) {
    if (a.total() != b.total()) return a.total() > b.total();
    return a.report_id() > b.report_id();
  });
  std::sort(first_unranked, rows.end(),
            [](const Row& a, const Row& b) { return a.report_id() < b.report_id(); });
  const auto ranked = static_cast<size_t>(first_unranked - rows.begin());
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i >= ranked) {
      rows[i].set_rank(0);
    } else if (i > 0 && rows[i].total() == rows[i - 1].total()) {
      rows[i].set_rank(rows[i - 1].rank());
    } else {
      rows[i].set_rank(static_cast<int32_t>(i) + 1);
    }
  }
}

int RankedCount(absl::Span<const jixiao::v1::ComparisonRow> rows) {
  int count = 0;
  while (count < static_cast<int>(rows.size()) && rows[count].rank() > 0) ++count;
  return count;
}

}  // namespace jixiao::query
