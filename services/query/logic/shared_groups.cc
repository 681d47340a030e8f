#include "services/query/logic/shared_groups.h"

#include <algorithm>

namespace jixiao::query {
namespace {

bool ScoredInFull(const jixiao::v1::ComparisonRow& row, const std::string& group) {
  return row.group_points().contains(group) &&
         !std::binary_search(row.incomplete_groups().begin(), row.incomplete_groups().end(), group);
}

}  // namespace

std::vector<std::string> SharedGroups(absl::Span<const jixiao::v1::ComparisonRow> rows) {
  std::vector<std::string> shared;
  if (rows.empty()) return shared;
  for (const auto& [group, points] : rows.front().group_points()) {
    const bool everywhere = std::all_of(rows.begin(), rows.end(),
                                        [&](const auto& row) { return ScoredInFull(row, group); });
    if (everywhere) shared.push_back(group);
  }
  std::sort(shared.begin(), shared.end());
  return shared;
}

void ApplySharedGroups(absl::Span<const std::string> groups,
                       std::vector<jixiao::v1::ComparisonRow>& rows) {
  if (groups.empty()) return;
  for (jixiao::v1::ComparisonRow& row : rows) {
    double points = 0;
    double max = 0;
    for (const std::string& group : groups) {
      const auto found = row.group_points().find(group);
      const auto group_max = row.group_max().find(group);
      if (found == row.group_points().end() || group_max == row.group_max().end()) continue;
      points += found->second;
      max += group_max->second;
    }
    if (max <= 0) continue;
    row.set_shared_points(points);
    row.set_shared_max(max);
    row.set_shared_percent(points / max * 100.0);
  }
}

}  // namespace jixiao::query
