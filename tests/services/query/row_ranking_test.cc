#include "services/query/logic/row_ranking.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/query/logic/ranking_window.h"

namespace jixiao::query {
namespace {

using ::testing::ElementsAre;

jixiao::v1::ComparisonRow Row(const std::string& report_id, double total, bool complete = true) {
  jixiao::v1::ComparisonRow row;
  row.set_report_id(report_id);
  row.mutable_department()->set_code(report_id.substr(0, report_id.find('/')));
  row.set_total(total);
  row.set_complete(complete);
  return row;
}

std::vector<std::string> Ids(const std::vector<jixiao::v1::ComparisonRow>& rows) {
  std::vector<std::string> ids;
  for (const auto& row : rows) ids.push_back(row.report_id());
  return ids;
}

std::vector<int> Ranks(const std::vector<jixiao::v1::ComparisonRow>& rows) {
  std::vector<int> ranks;
  for (const auto& row : rows) ranks.push_back(row.rank());
  return ranks;
}

template <typename Entries>
std::vector<std::string> Codes(const Entries& entries) {
  std::vector<std::string> codes;
  for (const auto& entry : entries) codes.push_back(entry.department_code());
  return codes;
}

TEST(RowRankingTest, CompetitionRanksShareEqualTotals) {
  std::vector<jixiao::v1::ComparisonRow> rows = {
      Row("b/2023/department", 80), Row("a/2023/department", 90), Row("c/2023/department", 80),
      Row("d/2023/department", 70)};
  RankRows(rows);
  EXPECT_THAT(Ranks(rows), ElementsAre(1, 2, 2, 4));
  // Within a tie, report_id descending (Redis ZRANGE ... REV).
  EXPECT_THAT(Ids(rows), ElementsAre("a/2023/department", "c/2023/department", "b/2023/department",
                                     "d/2023/department"));
  EXPECT_EQ(RankedCount(rows), 4);
}

TEST(RowRankingTest, ThreeWayTieThenNextRankSkips) {
  std::vector<jixiao::v1::ComparisonRow> rows = {Row("a", 50), Row("b", 50), Row("c", 50),
                                                 Row("d", 40)};
  RankRows(rows);
  EXPECT_THAT(Ids(rows), ElementsAre("c", "b", "a", "d"));
  EXPECT_THAT(Ranks(rows), ElementsAre(1, 1, 1, 4));
}

TEST(RowRankingTest, IncompleteRowsAreUnrankedAndListedLast) {
  std::vector<jixiao::v1::ComparisonRow> rows = {Row("z", 99, /*complete=*/false), Row("a", 60),
                                                 Row("m", 10, /*complete=*/false), Row("b", 70)};
  RankRows(rows);
  EXPECT_THAT(Ids(rows), ElementsAre("b", "a", "m", "z"));
  EXPECT_THAT(Ranks(rows), ElementsAre(1, 2, 0, 0));
  EXPECT_EQ(RankedCount(rows), 2);
}

TEST(RowRankingTest, EmptyAndAllIncomplete) {
  std::vector<jixiao::v1::ComparisonRow> none;
  RankRows(none);
  EXPECT_EQ(RankedCount(none), 0);
  std::vector<jixiao::v1::ComparisonRow> rows = {Row("b", 1, false), Row("a", 2, false)};
  RankRows(rows);
  EXPECT_THAT(Ids(rows), ElementsAre("a", "b"));
  EXPECT_EQ(RankedCount(rows), 0);
  EXPECT_TRUE(TopEntries(rows, 10).empty());
  EXPECT_TRUE(AroundEntries(rows, "a", 2).empty());
}

class RankingWindowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Totals 100, 90, ..., 10 for p01..p10, plus one incomplete row.
    for (int i = 1; i <= 10; ++i) {
      rows_.push_back(
          Row(absl::StrCat("p", i < 10 ? "0" : "", i, "/2023/department"), 110 - 10 * i));
    }
    rows_.push_back(Row("x/2023/department", 0, /*complete=*/false));
    RankRows(rows_);
  }
  std::vector<jixiao::v1::ComparisonRow> rows_;
};

TEST_F(RankingWindowTest, TopTakesTheFirstRankedRows) {
  const auto top = TopEntries(rows_, 3);
  EXPECT_THAT(Codes(top), ElementsAre("p01", "p02", "p03"));
  EXPECT_EQ(top[2].rank(), 3);
  EXPECT_DOUBLE_EQ(top[2].total(), 80);
  EXPECT_EQ(TopEntries(rows_, 100).size(), 10u);  // never the unranked row
  EXPECT_TRUE(TopEntries(rows_, 0).empty());
  EXPECT_TRUE(TopEntries(rows_, -1).empty());
}

TEST_F(RankingWindowTest, AroundInTheMiddle) {
  EXPECT_THAT(Codes(AroundEntries(rows_, "p05", 2)),
              ElementsAre("p03", "p04", "p05", "p06", "p07"));
}

TEST_F(RankingWindowTest, AroundAtTheEdges) {
  EXPECT_THAT(Codes(AroundEntries(rows_, "p01", 2)), ElementsAre("p01", "p02", "p03"));
  EXPECT_THAT(Codes(AroundEntries(rows_, "p10", 2)), ElementsAre("p08", "p09", "p10"));
  EXPECT_THAT(Codes(AroundEntries(rows_, "p02", 0)), ElementsAre("p02"));
  EXPECT_EQ(AroundEntries(rows_, "p05", 100).size(), 10u);
}

TEST_F(RankingWindowTest, AroundAnUnrankedOrUnknownReportIsEmpty) {
  EXPECT_TRUE(AroundEntries(rows_, "x", 2).empty());
  EXPECT_TRUE(AroundEntries(rows_, "nobody", 2).empty());
}

TEST(RankingWindowProjectTest, EntriesNameTheProjectAndAroundCentresOnTheBestRow) {
  // Two departments' project reports: a department has several rows.
  std::vector<jixiao::v1::ComparisonRow> rows = {
      Row("a/2023/project/fair", 60), Row("a/2023/project/expo", 85),
      Row("b/2023/project/fair", 90), Row("b/2023/project/port", 70),
      Row("c/2023/project/fair", 50)};
  RankRows(rows);
  const auto top = TopEntries(rows, 2);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0].report_id(), "b/2023/project/fair");
  EXPECT_EQ(top[0].department_code(), "b");
  EXPECT_EQ(top[1].report_id(), "a/2023/project/expo");
  std::vector<std::string> around;
  for (const auto& entry : AroundEntries(rows, "a", 1)) around.push_back(entry.report_id());
  EXPECT_THAT(around,
              ElementsAre("b/2023/project/fair", "a/2023/project/expo", "b/2023/project/port"));
}

TEST(RankingWindowTieTest, AroundIsByPositionNotRank) {
  std::vector<jixiao::v1::ComparisonRow> rows = {Row("a", 90), Row("b", 80), Row("c", 80),
                                                 Row("d", 70)};
  RankRows(rows);  // a, c, b, d with ranks 1, 2, 2, 4
  const auto around = AroundEntries(rows, "b", 1);
  EXPECT_THAT(Codes(around), ElementsAre("c", "b", "d"));
  EXPECT_EQ(around[0].rank(), 2);
  EXPECT_EQ(around[1].rank(), 2);
  EXPECT_EQ(around[2].rank(), 4);
}

}  // namespace
}  // namespace jixiao::query
