#include "services/query/logic/ranking_window.h"

#include <algorithm>

#include "services/query/logic/row_ranking.h"

namespace jixiao::query {

jixiao::v1::RankingEntry ToRankingEntry(const jixiao::v1::ComparisonRow& row) {
  jixiao::v1::RankingEntry entry;
  entry.set_rank(row.rank());
  entry.set_department_code(row.department().code());
  entry.set_department_name(row.department().name());
  entry.set_total(row.total());
  // A project report is named by its id, which holds the project code.
  entry.set_report_id(row.report_id());
  return entry;
}

std::vector<jixiao::v1::RankingEntry> TopEntries(absl::Span<const jixiao::v1::ComparisonRow> rows,
                                                 int n) {
  std::vector<jixiao::v1::RankingEntry> entries;
  const int end = std::min(std::max(n, 0), RankedCount(rows));
  for (int i = 0; i < end; ++i) entries.push_back(ToRankingEntry(rows[i]));
  return entries;
}

std::vector<jixiao::v1::RankingEntry> AroundEntries(
    absl::Span<const jixiao::v1::ComparisonRow> rows, absl::string_view department_code, int k) {
  std::vector<jixiao::v1::RankingEntry> entries;
  const int ranked = RankedCount(rows);
  int position = 0;
  while (position < ranked && rows[position].department().code() != department_code) ++position;
  if (position == ranked) return entries;
  const int reach = std::max(k, 0);
  const int first = std::max(position - reach, 0);
  const int last = std::min(position + reach, ranked - 1);
  for (int i = first; i <= last; ++i) entries.push_back(ToRankingEntry(rows[i]));
  return entries;
}

}  // namespace jixiao::query
