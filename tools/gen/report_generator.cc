#include "tools/gen/report_generator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/domain/report_id/report_id.h"
#include "tools/gen/department_types.h"
#include "tools/gen/indicator_generator.h"
#include "tools/gen/seeded_random.h"

namespace jixiao::gen {
namespace {

using jixiao::v1::EvaluationReport;

// Salts separating the random streams drawn from one address.
enum Stream : uint64_t { kDepartmentTraits = 1, kYearFigures = 2 };

struct Division {
  std::string code;
  std::string name;
  jixiao::v1::AdministrativeLevel level;
};

Division DivisionAt(int index) {
  const int number = index + 1;
  Division division;
  division.code = absl::StrFormat("9%05d", number);
  // One in twelve divisions is a city (市级 departments), as Guangzhou is beside its 11 districts.
  if (number % 12 == 0) {
    division.name = absl::StrFormat("样例%05d市", number);
    division.level = jixiao::v1::ADMINISTRATIVE_LEVEL_CITY;
  } else if (number % 3 == 0) {
    division.name = absl::StrFormat("样例%05d县", number);
    division.level = jixiao::v1::ADMINISTRATIVE_LEVEL_COUNTY;
  } else {
    division.name = absl::StrFormat("样例%05d区", number);
    division.level = jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT;
  }
  return division;
}

// What stays with a department from year to year.
struct DepartmentTraits {
  double base_budget_fen = 0;
  double delivery = 0.8;  // 0..1
  bool over_claims = false;
  bool has_special_funds = false;
  int indicator_count = 12;
  bool prints_initial_budget = true;
};

DepartmentTraits TraitsOf(const DatasetShape& shape, const ReportAddress& address,
                          jixiao::v1::AdministrativeLevel level) {
  SeededRandom random({shape.seed, kDepartmentTraits, static_cast<uint64_t>(address.division),
                       static_cast<uint64_t>(address.department)});
  DepartmentTraits traits;
  // 5 million to 500 million yuan, as 天河区贸促会 (6 million) and 天河区商务和金融工作局
  // (288 million); city departments run about five times larger (广州市商务局: 3 billion).
  traits.base_budget_fen = random.LogUniform(5e8, 5e10);
  if (level == jixiao::v1::ADMINISTRATIVE_LEVEL_CITY) traits.base_budget_fen *= 5;
  traits.delivery = std::clamp(random.Normal(0.8, 0.15), 0.2, 1.0);
  traits.over_claims = random.Chance(shape.over_claiming_share);
  traits.has_special_funds = random.Chance(0.6);
  traits.indicator_count = static_cast<int>(random.Integer(8, 30));
  traits.prints_initial_budget = random.Chance(0.7);
  return traits;
}

int64_t Fen(double value) { return static_cast<int64_t>(std::llround(value)); }

// Printed to two decimals, as "98.54"; a report with inconsistent figures
// prints a rate its own figures do not give.
std::string StatedPercent(double rate, bool inconsistent, SeededRandom& random) {
  double percent = rate * 100;
  if (inconsistent) percent += (random.Chance(0.5) ? 1 : -1) * random.Uniform(3, 15);
  return absl::StrFormat("%.2f", percent);
}

double DrawExecutionRate(const DepartmentTraits& traits, SeededRandom& random) {
  // Most departments spend 90–100% of their adjusted budget; weak ones less.
  if (random.Chance(0.05 + 0.1 * (1 - traits.delivery))) return random.Uniform(0.6, 0.88);
  return std::clamp(1.0 - std::abs(random.Normal(0, 0.04)) * (1.6 - traits.delivery), 0.85, 1.0);
}

void SetBudget(const DepartmentTraits& traits, int year_offset, bool inconsistent,
               double unlisted_fund_share, SeededRandom& random, EvaluationReport& report,
               double& execution_rate) {
  jixiao::v1::Budget& budget = *report.mutable_budget();
  const double initial = traits.base_budget_fen * std::pow(1.04, year_offset) *
                         std::clamp(random.Normal(1.0, 0.08), 0.7, 1.3);
  // 调整率: mid-year adjustments mostly add money, sometimes a lot.
  const double adjustment = std::clamp(random.Normal(0.05, 0.12), -0.3, 0.8);
  const double adjusted = initial * (1 + adjustment);
  execution_rate = DrawExecutionRate(traits, random);
  const double final_amount = adjusted * execution_rate;
  if (traits.prints_initial_budget) budget.mutable_initial()->set_fen(Fen(initial));
  budget.mutable_adjusted()->set_fen(Fen(adjusted));
  budget.mutable_final()->set_fen(Fen(final_amount));
  budget.set_stated_execution_percent(StatedPercent(execution_rate, inconsistent, random));
  if (traits.has_special_funds) {
    jixiao::v1::SpecialFund& fund = *budget.add_special_funds();
    fund.set_name("专项资金");
    const double fund_budget = adjusted * random.Uniform(0.3, 0.75);
    const double fund_rate = std::clamp(execution_rate + random.Normal(0, 0.02), 0.5, 1.0);
    fund.mutable_budget()->set_fen(Fen(fund_budget));
    fund.mutable_spent()->set_fen(Fen(fund_budget * fund_rate));
    fund.set_stated_execution_percent(absl::StrFormat("%.2f", fund_rate * 100));
    fund.set_all_indicators_met(random.Chance(0.3 + 0.7 * traits.delivery));
    // A fund whose indicators were not all met lists them, so that its points
    // can be recomputed; a few reports leave them out, and their total is incomplete.
    if (!fund.all_indicators_met() && !random.Chance(unlisted_fund_share)) {
      const IndicatorTraits fund_traits{traits.delivery, 0, 0};
      const int count = static_cast<int>(random.Integer(2, 4));
      for (int i = 0; i < count; ++i) {
        jixiao::v1::Indicator indicator = GenerateIndicator(i, count + 1, fund_traits, random);
        indicator.set_id(absl::StrCat("专项-", i + 1));
        *fund.add_indicators() = std::move(indicator);
      }
    }
  }
}

// Indicator ids restart per level, as the seeds number them: "产出-1", "效益-1".
void AddIndicators(const DatasetShape& shape, const DepartmentTraits& traits, SeededRandom& random,
                   EvaluationReport& report) {
  const IndicatorTraits indicator_traits{traits.delivery, shape.over_completion_share,
                                         shape.missing_actual_share};
  int outputs = 0, benefits = 0, satisfactions = 0;
  for (int i = 0; i < traits.indicator_count; ++i) {
    jixiao::v1::Indicator indicator =
        GenerateIndicator(i, traits.indicator_count, indicator_traits, random);
    if (indicator.level1_code() == "1") {
      indicator.set_id(absl::StrCat("产出-", ++outputs));
    } else if (indicator.level1_code() == "2") {
      indicator.set_id(absl::StrCat("效益-", ++benefits));
    } else {
      indicator.set_id(absl::StrCat("满意度-", ++satisfactions));
    }
    *report.add_indicators() = std::move(indicator);
  }
}

struct ManagementItem {
  const char* code;
  const char* name;
  double weight;
};

// The seven 管理效率 items of the Guangzhou department scheme (50 points).
constexpr std::array<ManagementItem, 7> kManagementItems = {{
    {"management.budgeting", "预算编制", 3},
    {"management.execution", "预算执行", 4},
    {"management.disclosure", "信息公开", 4},
    {"management.performance", "绩效管理", 15},
    {"management.procurement", "采购管理", 10},
    {"management.assets", "资产管理", 10},
    {"management.running_cost", "运行成本", 4},
}};

// Returns the declared 管理效率 subtotal. Good departments lose a point here
// and there; an over-claiming one declares every item in full.
double AddManagementItems(const DepartmentTraits& traits, SeededRandom& random,
                          EvaluationReport& report) {
  double sum = 0;
  for (const ManagementItem& item : kManagementItems) {
    jixiao::v1::AssessedItem& assessed = *report.add_management_items();
    assessed.set_code(item.code);
    assessed.set_name(item.name);
    assessed.set_weight(item.weight);
    double score = item.weight;
    if (!traits.over_claims && random.Chance(0.6 * (1.1 - traits.delivery))) {
      score = std::max(0.0, item.weight - static_cast<double>(random.Integer(1, 4)) * 0.5);
    }
    assessed.set_declared_score(score);
    sum += score;
  }
  return sum;
}

// A rough self-assessment of 履职效能 (50): near what the figures give for an
// honest department, near full marks for an over-claiming one.
double DeclaredEffectiveness(const DepartmentTraits& traits, double execution_rate,
                             SeededRandom& random) {
  const double earned = 50 * (0.6 * traits.delivery + 0.4 * execution_rate);
  const double declared =
      traits.over_claims ? random.Uniform(48, 50) : earned + random.Normal(0.5, 1.0);
  return std::round(std::clamp(declared, 0.0, 50.0) * 100) / 100;
}

const char* GradeOf(double total) {
  if (total >= 90) return "优";
  if (total >= 80) return "良";
  if (total >= 60) return "中";
  return "差";
}

}  // namespace

EvaluationReport GenerateReport(const DatasetShape& shape, const ReportAddress& address) {
  const Division division = DivisionAt(address.division);
  const DepartmentType& type = DepartmentTypes()[static_cast<size_t>(address.department)];
  const DepartmentTraits traits = TraitsOf(shape, address, division.level);
  SeededRandom random({shape.seed, kYearFigures, static_cast<uint64_t>(address.division),
                       static_cast<uint64_t>(address.department),
                       static_cast<uint64_t>(address.year)});

  EvaluationReport report;
  report.set_kind(jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION);
  report.set_fiscal_year(address.year);
  jixiao::v1::Department& department = *report.mutable_department();
  department.set_code(absl::StrCat(division.code, ":", type.slug));
  department.set_name(absl::StrCat(division.name, type.name));
  department.mutable_district()->set_code(division.code);
  department.mutable_district()->set_name(division.name);
  department.set_level(division.level);
  for (const char* tag : type.sector_tags) department.add_sector_tags(tag);
  report.set_report_id(report_id::Of(report));
  report.mutable_source()->set_title(absl::StrCat(address.year, "年度", department.name(),
                                                  "部门整体支出绩效自评报告（合成数据）"));
  report.mutable_source()->set_publisher(department.name());

  double execution_rate = 1;
  const bool inconsistent = random.Chance(shape.inconsistent_figures_share);
  SetBudget(traits, address.year - shape.first_year, inconsistent, shape.unlisted_fund_share,
            random, report, execution_rate);
  AddIndicators(shape, traits, random, report);
  const double management = AddManagementItems(traits, random, report);
  const double effectiveness = DeclaredEffectiveness(traits, execution_rate, random);

  jixiao::v1::DeclaredScores& declared = *report.mutable_declared();
  jixiao::v1::DeclaredSubtotal& effectiveness_subtotal = *declared.add_subtotals();
  effectiveness_subtotal.set_code("effectiveness");
  effectiveness_subtotal.set_name("履职效能");
  effectiveness_subtotal.set_max(50);
  effectiveness_subtotal.set_score(effectiveness);
  jixiao::v1::DeclaredSubtotal& management_subtotal = *declared.add_subtotals();
  management_subtotal.set_code("management");
  management_subtotal.set_name("管理效率");
  management_subtotal.set_max(50);
  management_subtotal.set_score(management);
  const double total = std::round((effectiveness + management) * 100) / 100;
  declared.set_total(total);
  declared.set_grade(GradeOf(total));
  return report;
}

}  // namespace jixiao::gen
