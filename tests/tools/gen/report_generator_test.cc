// The synthetic dataset generator: reproducible, addressable slice by slice,
// valid reports, and the flaws it is asked for in the shares asked for.
#include "tools/gen/report_generator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>

#include "common/domain/normalization/report_normalizer.h"
#include "common/domain/validation/report_validator.h"
#include "tools/gen/dataset_shape.h"

namespace jixiao::gen {
namespace {

using jixiao::v1::EvaluationReport;

DatasetShape SmallShape() {
  DatasetShape shape;
  shape.seed = 42;
  shape.divisions = 12;
  shape.departments_per_division = 40;
  shape.first_year = 2021;
  shape.years = 3;
  return shape;
}

TEST(DatasetShapeTest, NumbersReportsYearByYearThenDivisionByDivision) {
  const DatasetShape shape = SmallShape();
  EXPECT_EQ(ReportCount(shape), 12 * 40 * 3);
  const ReportAddress first = AddressAt(shape, 0);
  EXPECT_EQ(first.year, 2021);
  EXPECT_EQ(first.division, 0);
  EXPECT_EQ(first.department, 0);
  const ReportAddress a = AddressAt(shape, 12 * 40 + 41);
  EXPECT_EQ(a.year, 2022);
  EXPECT_EQ(a.division, 1);
  EXPECT_EQ(a.department, 1);
  const ReportAddress last = AddressAt(shape, ReportCount(shape) - 1);
  EXPECT_EQ(last.year, 2023);
  EXPECT_EQ(last.division, 11);
  EXPECT_EQ(last.department, 39);
}

TEST(DatasetShapeTest, RefusesShapesOutsideItsRange) {
  DatasetShape shape = SmallShape();
  EXPECT_TRUE(CheckShape(shape).ok());
  shape.departments_per_division = 41;
  EXPECT_FALSE(CheckShape(shape).ok());
  shape = SmallShape();
  shape.divisions = 0;
  EXPECT_FALSE(CheckShape(shape).ok());
  shape = SmallShape();
  shape.over_completion_share = 1.5;
  EXPECT_FALSE(CheckShape(shape).ok());
  shape = SmallShape();
  shape.first_year = 2099;
  EXPECT_FALSE(CheckShape(shape).ok());
}

TEST(ReportGeneratorTest, SameSeedAndAddressGiveTheSameBytes) {
  const DatasetShape shape = SmallShape();
  const ReportAddress address{3, 7, 2022};
  EXPECT_EQ(GenerateReport(shape, address).SerializeAsString(),
            GenerateReport(shape, address).SerializeAsString());
  DatasetShape other = shape;
  other.seed = 43;
  EXPECT_NE(GenerateReport(shape, address).SerializeAsString(),
            GenerateReport(other, address).SerializeAsString());
}

TEST(ReportGeneratorTest, ASliceDoesNotDependOnTheRestOfTheDataset) {
  DatasetShape small = SmallShape();
  DatasetShape large = small;
  large.divisions = 2800;
  const ReportAddress address{5, 12, 2023};
  EXPECT_EQ(GenerateReport(small, address).SerializeAsString(),
            GenerateReport(large, address).SerializeAsString());
}

TEST(ReportGeneratorTest, EveryReportIsValidAndKeepsItsDepartmentAcrossYears) {
  const DatasetShape shape = SmallShape();
  std::set<std::string> report_ids;
  for (int64_t i = 0; i < ReportCount(shape); ++i) {
    const ReportAddress address = AddressAt(shape, i);
    const EvaluationReport report = GenerateReport(shape, address);
    const validation::FieldViolations violations = validation::ValidateReport(report);
    ASSERT_TRUE(violations.empty()) << report.report_id() << ": " << violations.front().field << " "
                                    << violations.front().description;
    EXPECT_EQ(normalization::NormalizeReport(report).report_id(), report.report_id());
    EXPECT_TRUE(report_ids.insert(report.report_id()).second) << report.report_id();
    EXPECT_EQ(report.fiscal_year(), address.year);
  }
  const EvaluationReport y1 = GenerateReport(shape, {4, 9, 2021});
  const EvaluationReport y2 = GenerateReport(shape, {4, 9, 2022});
  EXPECT_EQ(y1.department().SerializeAsString(), y2.department().SerializeAsString());
  EXPECT_NE(y1.budget().SerializeAsString(), y2.budget().SerializeAsString());
  // One division in twelve is a city.
  EXPECT_EQ(GenerateReport(shape, {11, 0, 2021}).department().level(),
            jixiao::v1::ADMINISTRATIVE_LEVEL_CITY);
}

// Shares over a whole dataset. The dataset is fixed by its seed, so these are
// exact properties of it, not chances; the bounds only say how far a sample of
// this size may lie from the share asked for.
struct Counts {
  int reports = 0;
  int inconsistent = 0;
  int indicators = 0;
  int missing_actual = 0;
  int quantitative = 0;
  int above_150 = 0;
};

double CompletionOf(const jixiao::v1::Indicator& indicator) {
  const jixiao::v1::ParsedValue& target = indicator.target().parsed();
  const jixiao::v1::ParsedValue& actual = indicator.actual().parsed();
  if (target.kind() != jixiao::v1::VALUE_KIND_QUANTITY ||
      actual.kind() != jixiao::v1::VALUE_KIND_QUANTITY || target.number() <= 0) {
    return -1;
  }
  return actual.number() / target.number();
}

Counts CountFlaws(const DatasetShape& shape) {
  Counts counts;
  for (int64_t i = 0; i < ReportCount(shape); ++i) {
    const EvaluationReport report =
        normalization::NormalizeReport(GenerateReport(shape, AddressAt(shape, i)));
    ++counts.reports;
    const double execution = 100.0 * static_cast<double>(report.budget().final().fen()) /
                             static_cast<double>(report.budget().adjusted().fen());
    if (std::abs(std::stod(report.budget().stated_execution_percent()) - execution) > 1) {
      ++counts.inconsistent;
    }
    for (const jixiao::v1::Indicator& indicator : report.indicators()) {
      ++counts.indicators;
      if (!indicator.has_actual()) {
        ++counts.missing_actual;
        continue;
      }
      // Growth rates compare two growths, not counts; rates are capped at 100%.
      if (indicator.level2_code() != "11" && indicator.level2_code() != "22") continue;
      const double completion = CompletionOf(indicator);
      if (completion < 0) continue;
      ++counts.quantitative;
      if (completion > 1.5) ++counts.above_150;
    }
  }
  return counts;
}

TEST(ReportGeneratorTest, FlawsAppearInTheSharesAskedFor) {
  DatasetShape shape = SmallShape();
  shape.inconsistent_figures_share = 0.1;
  shape.missing_actual_share = 0.05;
  shape.over_completion_share = 0.2;
  const Counts counts = CountFlaws(shape);
  ASSERT_EQ(counts.reports, 1440);
  EXPECT_NEAR(static_cast<double>(counts.inconsistent) / counts.reports, 0.1, 0.03);
  EXPECT_NEAR(static_cast<double>(counts.missing_actual) / counts.indicators, 0.05, 0.01);
  EXPECT_NEAR(static_cast<double>(counts.above_150) / counts.quantitative, 0.2, 0.03);
}

TEST(ReportGeneratorTest, AFlawlessShapeHasNoFlaws) {
  DatasetShape shape = SmallShape();
  shape.inconsistent_figures_share = 0;
  shape.missing_actual_share = 0;
  shape.over_completion_share = 0;
  const Counts counts = CountFlaws(shape);
  EXPECT_EQ(counts.inconsistent, 0);
  EXPECT_EQ(counts.missing_actual, 0);
  EXPECT_EQ(counts.above_150, 0);
}

}  // namespace
}  // namespace jixiao::gen
