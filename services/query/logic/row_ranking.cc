#include "services/query/logic/row_ranking.h"

#include <algorithm>

namespace jixiao::query {

void RankRows(std::vector<jixiao::v1::ComparisonRow>& rows, RankBy by) {
  using Row = jixiao::v1::ComparisonRow;
  const auto rankable = [by](const Row& row) {
    return by == RankBy::kTotal ? row.complete() : row.has_shared_percent();
  };
  const auto score = [by](const Row& row) {
    return by == RankBy::kTotal ? row.total() : row.shared_percent();
  };
  const auto first_unranked = std::stable_partition(rows.begin(), rows.end(), rankable);
  // std::string compares bytes as unsigned, as Redis orders members.
  std::sort(rows.begin(), first_unranked, [&score](const Row& a, const Row& b) {
    if (score(a) != score(b)) return score(a) > score(b);
    return a.report_id() > b.report_id();
  });
  std::sort(first_unranked, rows.end(),
            [](const Row& a, const Row& b) { return a.report_id() < b.report_id(); });
  const auto ranked = static_cast<size_t>(first_unranked - rows.begin());
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i >= ranked) {
      rows[i].set_rank(0);
    } else if (i > 0 && score(rows[i]) == score(rows[i - 1])) {
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
