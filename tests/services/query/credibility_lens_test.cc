// The budget-credibility lens put together from three years of rows.
#include "services/query/logic/credibility_lens.h"

#include <gtest/gtest.h>

namespace jixiao::query {
namespace {

jixiao::v1::ComparisonRow Row(const std::string& code, int year, std::optional<double> outturn) {
  jixiao::v1::ComparisonRow row;
  row.mutable_department()->set_code(code);
  row.set_fiscal_year(year);
  row.set_report_id(code + "/" + std::to_string(year) + "/department");
  if (outturn) row.set_budget_outturn_percent(*outturn);
  return row;
}

TEST(CredibilityLensTest, GradesEachDepartmentOverItsOwnThreeYears) {
  jixiao::v1::ComparisonRow a = Row("a", 2023, 101);
  a.set_budget_execution_percent(97.5);
  a.set_budget_adjustment_percent(4.2);
  a.set_declared_total(96);
  a.set_total(88.5);
  a.set_complete(true);
  a.mutable_signals()->set_outruns_spending(true);
  a.mutable_signals()->set_indicator_score_rate(0.98);
  a.mutable_signals()->set_budget_execution_rate(0.72);
  const std::vector<jixiao::v1::ComparisonRow> current = {a, Row("b", 2023, 80)};
  const std::vector<jixiao::v1::ComparisonRow> earlier = {
      Row("a", 2021, 112), Row("a", 2022, 96),  // a: 2 of 3 within ±5 → A
      Row("b", 2022, 100)};                     // b: 2021 unknown → not graded
  const std::vector<jixiao::v1::DepartmentCredibility> lens =
      AssessCredibility(current, earlier, 2023);
  ASSERT_EQ(lens.size(), 2u);

  EXPECT_EQ(lens[0].department().code(), "a");
  EXPECT_EQ(lens[0].outturn_grade(), "A");
  ASSERT_EQ(lens[0].outturn_years_size(), 3);
  EXPECT_EQ(lens[0].outturn_years(0).fiscal_year(), 2021);
  EXPECT_DOUBLE_EQ(lens[0].outturn_years(0).outturn_percent(), 112);
  EXPECT_DOUBLE_EQ(lens[0].execution_percent(), 97.5);
  EXPECT_DOUBLE_EQ(lens[0].adjustment_percent(), 4.2);
  EXPECT_TRUE(lens[0].claimed_outruns_spending());
  EXPECT_DOUBLE_EQ(lens[0].indicator_score_rate(), 0.98);
  EXPECT_DOUBLE_EQ(lens[0].declared_total(), 96);
  EXPECT_DOUBLE_EQ(lens[0].total(), 88.5);

  EXPECT_EQ(lens[1].outturn_grade(), "");
  EXPECT_NE(lens[1].outturn_not_graded_reason().find("2021"), std::string::npos);
  EXPECT_FALSE(lens[1].outturn_years(0).has_outturn_percent());
  EXPECT_FALSE(lens[1].has_execution_percent());
  EXPECT_FALSE(lens[1].claimed_outruns_spending());
}

}  // namespace
}  // namespace jixiao::query
