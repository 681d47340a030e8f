#pragma once
// Ranks comparison rows in memory with exactly the rule of the Redis rankings
// (common/score_cache/ranking_index.h), so that a ranking computed here and one
// served from Redis list the same departments in the same order:
//   - only complete rows are ranked; the rank is 1 + the number of rows with a
//     strictly greater total, so equal totals share a rank ("1, 2, 2, 4");
//   - equal totals are listed by report_id, descending (Redis's ZRANGE ... REV);
//   - incomplete rows get rank 0 and follow the ranked ones, by report_id
//     ascending (as RankingIndex::Unranked lists them).
#include <vector>

#include "absl/types/span.h"
#include "jixiao/v1/query_service.pb.h"

namespace jixiao::query {

// What rows are ranked by. kSharedPercent ranks the rows that have a
// shared_percent (shared_groups.h) by it, with the same rules, in place of
// complete rows by total.
enum class RankBy { kTotal, kSharedPercent };

// Orders `rows` as above and sets every row's rank.
void RankRows(std::vector<jixiao::v1::ComparisonRow>& rows, RankBy by = RankBy::kTotal);

// How many rows RankRows ranked (the leading rows with rank > 0).
int RankedCount(absl::Span<const jixiao::v1::ComparisonRow> rows);

}  // namespace jixiao::query
