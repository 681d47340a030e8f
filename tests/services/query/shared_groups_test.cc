// The "shared groups only" comparison: which groups are shared, the percent
// each row earns on them, and the ranking by that percent.
#include "services/query/logic/shared_groups.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "services/query/logic/row_ranking.h"

namespace jixiao::query {
namespace {

using ::testing::ElementsAre;

struct Group {
  std::string code;
  double points;
  double max;
  bool in_full = true;
};

jixiao::v1::ComparisonRow Row(const std::string& id, std::vector<Group> groups,
                              bool complete = true) {
  jixiao::v1::ComparisonRow row;
  row.set_report_id(id);
  row.set_complete(complete);
  double total = 0;
  for (const Group& group : groups) {
    (*row.mutable_group_points())[group.code] = group.points;
    (*row.mutable_group_max())[group.code] = group.max;
    if (!group.in_full) row.add_incomplete_groups(group.code);
    total += group.points;
  }
  row.set_total(total);
  return row;
}

TEST(SharedGroupsTest, OnlyGroupsEveryRowScoredInFullAreShared) {
  const std::vector<jixiao::v1::ComparisonRow> rows = {
      Row("a", {{"effectiveness", 45, 50}, {"management", 40, 50}, {"special", 5, 10}}),
      Row("b", {{"effectiveness", 48, 50}, {"management", 30, 50, /*in_full=*/false}}),
      Row("c", {{"effectiveness", 40, 50}, {"management", 44, 50}})};
  EXPECT_THAT(SharedGroups(rows), ElementsAre("effectiveness"));
  EXPECT_TRUE(SharedGroups({}).empty());
}

TEST(SharedGroupsTest, RowsAreRankedByTheirPercentOfTheSharedMaximum) {
  // b is incomplete on totals (its management group lacks lines) and would not
  // be ranked; on the shared group it leads. A variant weighting the group 40
  // rather than 50 (c) is compared in percent, not points.
  std::vector<jixiao::v1::ComparisonRow> rows = {
      Row("a", {{"effectiveness", 45, 50}, {"management", 40, 50}}),
      Row("b", {{"effectiveness", 48, 50}, {"management", 30, 50, false}}, /*complete=*/false),
      Row("c", {{"effectiveness", 36, 40}, {"management", 44, 50}}),
      Row("d", {{"effectiveness", 45, 50}})};
  const std::vector<std::string> shared = SharedGroups(rows);
  ASSERT_THAT(shared, ElementsAre("effectiveness"));
  ApplySharedGroups(shared, rows);
  RankRows(rows, RankBy::kSharedPercent);

  std::vector<std::string> order;
  std::vector<int> ranks;
  for (const jixiao::v1::ComparisonRow& row : rows) {
    order.push_back(row.report_id());
    ranks.push_back(row.rank());
  }
  // 96%, then a tie at 90% (a, c, d: listed by report_id descending), none unranked.
  EXPECT_THAT(order, ElementsAre("b", "d", "c", "a"));
  EXPECT_THAT(ranks, ElementsAre(1, 2, 2, 2));
  EXPECT_DOUBLE_EQ(rows[0].shared_points(), 48);
  EXPECT_DOUBLE_EQ(rows[0].shared_max(), 50);
  EXPECT_DOUBLE_EQ(rows[0].shared_percent(), 96);
  EXPECT_DOUBLE_EQ(rows[2].shared_max(), 40);
}

TEST(SharedGroupsTest, NoSharedGroupLeavesEveryRowUnranked) {
  std::vector<jixiao::v1::ComparisonRow> rows = {Row("a", {{"x", 1, 2}}), Row("b", {{"y", 1, 2}})};
  const std::vector<std::string> shared = SharedGroups(rows);
  EXPECT_TRUE(shared.empty());
  ApplySharedGroups(shared, rows);
  RankRows(rows, RankBy::kSharedPercent);
  EXPECT_FALSE(rows[0].has_shared_percent());
  EXPECT_EQ(RankedCount(rows), 0);
}

}  // namespace
}  // namespace jixiao::query
