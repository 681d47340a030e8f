#pragma once
// The "shared groups only" comparison. Departments of one cohort do not all
// report everything: a city bureau prints no indicator targets, a body without
// special funds has no special-fund items, a report may lack its 管理效率
// scores. Ranked on totals, such a department is either unranked (incomplete)
// or ranked on different ground than its peers. This mode compares only the
// groups that every department of the comparison scored in full, and ranks
// rows by the share of those groups' maximum they earned:
//
//   shared groups  = groups present in every row and incomplete in none
//   shared_percent = Σ points over shared groups / Σ max over them × 100
//
// Percent rather than points, because a scheme variant may weight a group
// differently for one department (the no-special-funds variant). A group some
// department lacks counts for nobody; with no shared group at all, no row is
// ranked.
#include <string>
#include <vector>

#include "absl/types/span.h"
#include "jixiao/v1/query_service.pb.h"

namespace jixiao::query {

// The shared group codes of `rows`, sorted; empty when `rows` is.
std::vector<std::string> SharedGroups(absl::Span<const jixiao::v1::ComparisonRow> rows);

// Sets each row's shared_points, shared_max and shared_percent over `groups`
// (groups every row has, as SharedGroups finds them). Rows are left without
// them when `groups` is empty or its maximum is zero.
void ApplySharedGroups(absl::Span<const std::string> groups,
                       std::vector<jixiao::v1::ComparisonRow>& rows);

}  // namespace jixiao::query
