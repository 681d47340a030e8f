#pragma once
// "Top N" and "around me" over rows ranked in memory (RankRows), with the same
// windows as RankingIndex::Top and ::Around in Redis: only ranked rows count,
// and "around" is by position in the ranked list, not by rank value.
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "jixiao/v1/query_service.pb.h"

namespace jixiao::query {

jixiao::v1::RankingEntry ToRankingEntry(const jixiao::v1::ComparisonRow& row);

// The first `n` ranked rows (n <= 0: none). `rows` must be ranked by RankRows.
std::vector<jixiao::v1::RankingEntry> TopEntries(absl::Span<const jixiao::v1::ComparisonRow> rows,
                                                 int n);

// The ranked rows within `k` places of the department's best-ranked row, itself
// included; empty when the department has no ranked row. A department has one
// row in a ranking of self-evaluations, and one per project in a ranking of
// project reports. `rows` must be ranked by RankRows.
std::vector<jixiao::v1::RankingEntry> AroundEntries(
    absl::Span<const jixiao::v1::ComparisonRow> rows, absl::string_view department_code, int k);

}  // namespace jixiao::query
