#include "common/domain/validation/consistency_checker.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <sstream>
#include <string>

#include "absl/numeric/int128.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/domain/money/money.h"
#include "common/domain/stated_percent/stated_percent.h"

namespace jixiao::validation {
namespace {

using jixiao::v1::Finding;
using jixiao::v1::Money;

// A declared score is printed with two decimals.
constexpr double kScoreTolerance = 0.01 + 1e-9;

// A sum of amounts in 分. Up to 2,000 amounts of up to 10^16 分 each pass validation
// (message_limits.h), and `jixiao validate` checks reports that did not: their sums
// overflow int64_t, so they are added up in 128 bits.
using FenSum = absl::int128;

bool FitsInt64(FenSum fen) {
  return fen >= std::numeric_limits<int64_t>::min() && fen <= std::numeric_limits<int64_t>::max();
}

std::string FormatFenSum(FenSum fen) {
  if (FitsInt64(fen)) return money::FormatWanYuan(static_cast<int64_t>(fen));
  // Past int64_t the 分 are not worth printing: whole 万元.
  std::ostringstream whole;
  whole << fen / money::kFenPerWanYuan;
  return whole.str();
}

// True when `sum` and `total` differ by more than `tolerance`.
bool Differs(FenSum sum, FenSum total, FenSum tolerance) {
  const FenSum difference = sum - total;
  return difference > tolerance || -difference > tolerance;
}

class Findings {
 public:
  void Warn(absl::string_view code, std::string field, std::string message) {
    Finding& f = findings_.emplace_back();
    f.set_code(std::string(code));
    f.set_severity(jixiao::v1::SEVERITY_WARNING);
    f.set_field_path(std::move(field));
    f.set_message(std::move(message));
  }

  // A printed percentage against numerator / denominator × 100 (`offset` is
  // subtracted from the ratio first: adjustment and change rates are ratio − 1).
  void Percent(absl::string_view code, const std::string& stated_text, const std::string& field,
               FenSum numerator, FenSum denominator, double offset, absl::string_view what) {
    if (stated_text.empty() || denominator == 0) return;
    auto stated = stated_percent::Parse(stated_text);
    if (!stated.ok()) return;  // structural validation reports it
    const double actual =
        100.0 * (static_cast<double>(numerator) / static_cast<double>(denominator) - offset);
    if (!stated_percent::Matches(*stated, actual)) {
      Warn(code, field,
           absl::StrFormat("%s 报告为 %s%%，按金额计算为 %.2f%%（%s / %s 万元）", what, stated_text,
                           actual, FormatFenSum(numerator), FormatFenSum(denominator)));
    }
  }

  std::vector<Finding> Take() { return std::move(findings_); }

 private:
  std::vector<Finding> findings_;
};

// Execution = final / adjusted; adjustment = (adjusted − initial) / initial;
// change = (final − prior) / prior. Each only where both amounts are printed.
void CheckBudgetRates(Findings& out, const jixiao::v1::Budget& b) {
  if (b.has_final() && b.has_adjusted()) {
    out.Percent("EXECUTION_RATE_MISMATCH", b.stated_execution_percent(),
                "budget.stated_execution_percent", b.final().fen(), b.adjusted().fen(), 0,
                "预算执行率");
  }
  if (b.has_adjusted() && b.has_initial()) {
    out.Percent("ADJUSTMENT_RATE_MISMATCH", b.stated_adjustment_percent(),
                "budget.stated_adjustment_percent", b.adjusted().fen(), b.initial().fen(), 1,
                "预算调整率");
  }
  if (b.has_final() && b.has_prior_year_final()) {
    out.Percent("CHANGE_RATE_MISMATCH", b.stated_change_percent(), "budget.stated_change_percent",
                b.final().fen(), b.prior_year_final().fen(), 1, "比上年增减");
  }
}

// Which amount of a budget line and of the budget a stage compares.
struct Stage {
  absl::string_view field;
  absl::string_view name;
  bool (jixiao::v1::BudgetLine::*line_has)() const;
  const Money& (jixiao::v1::BudgetLine::*line_amount)() const;
  bool (jixiao::v1::Budget::*budget_has)() const;
  const Money& (jixiao::v1::Budget::*budget_amount)() const;
};

const Stage kStages[] = {
    {"initial", "年初预算", &jixiao::v1::BudgetLine::has_initial, &jixiao::v1::BudgetLine::initial,
     &jixiao::v1::Budget::has_initial, &jixiao::v1::Budget::initial},
    {"adjusted", "调整预算", &jixiao::v1::BudgetLine::has_adjusted,
     &jixiao::v1::BudgetLine::adjusted, &jixiao::v1::Budget::has_adjusted,
     &jixiao::v1::Budget::adjusted},
    {"final", "决算", &jixiao::v1::BudgetLine::has_final, &jixiao::v1::BudgetLine::final,
     &jixiao::v1::Budget::has_final, &jixiao::v1::Budget::final},
};

// A breakdown's lines add up to the budget, stage by stage, where every line prints
// the stage; each printed share matches the line's final over the total final.
void CheckBreakdown(Findings& out, const jixiao::v1::Budget& budget, int index) {
  const auto& breakdown = budget.breakdowns(index);
  const std::string path = absl::StrCat("budget.breakdowns[", index, "]");
  const std::string dimension = jixiao::v1::BreakdownDimension_Name(breakdown.dimension());
  if (breakdown.lines_size() == 0) return;
  for (const Stage& stage : kStages) {
    if (!(budget.*stage.budget_has)()) continue;
    FenSum sum = 0;
    bool every_line = true;
    for (const auto& line : breakdown.lines()) {
      every_line = every_line && (line.*stage.line_has)();
      sum += (line.*stage.line_amount)().fen();
    }
    const int64_t total = (budget.*stage.budget_amount)().fen();
    if (every_line && Differs(sum, total, FenSum(kRoundingFenPerPart) * breakdown.lines_size())) {
      out.Warn("BREAKDOWN_SUM_MISMATCH", path,
               absl::StrCat(dimension, " 各项", stage.name, "合计 ", FormatFenSum(sum),
                            " 万元，与总额 ", money::FormatWanYuan(total), " 万元不符"));
    }
  }
  // Shares are of the final amount: of the budget's, else of the lines' sum.
  FenSum base = budget.has_final() ? budget.final().fen() : 0;
  if (!budget.has_final()) {
    for (const auto& line : breakdown.lines()) base += line.final().fen();
  }
  for (int i = 0; i < breakdown.lines_size(); ++i) {
    const auto& line = breakdown.lines(i);
    if (!line.has_final()) continue;
    out.Percent("SHARE_MISMATCH", line.stated_share_percent(),
                absl::StrCat(path, ".lines[", i, "].stated_share_percent"), line.final().fen(),
                base, 0,
                absl::StrCat(line.name().empty() ? line.category() : line.name(), " 占比"));
  }
}

void CheckProjects(Findings& out, const jixiao::v1::EvaluationReport& report) {
  for (int i = 0; i < report.projects_size(); ++i) {
    const auto& p = report.projects(i);
    const std::string path = absl::StrCat("projects[", i, "]");
    const std::string name = absl::StrCat("项目“", p.name(), "”");
    if (p.has_spent() && p.has_adjusted()) {
      out.Percent("EXECUTION_RATE_MISMATCH", p.stated_execution_percent(),
                  path + ".stated_execution_percent", p.spent().fen(), p.adjusted().fen(), 0,
                  name + "执行率");
    }
    if (p.has_adjusted() && p.has_initial()) {
      out.Percent("ADJUSTMENT_RATE_MISMATCH", p.stated_adjustment_percent(),
                  path + ".stated_adjustment_percent", p.adjusted().fen(), p.initial().fen(), 1,
                  name + "调整率");
    }
  }
  const auto& funds = report.budget().special_funds();
  for (int i = 0; i < funds.size(); ++i) {
    const auto& fund = funds.Get(i);
    if (fund.has_spent() && fund.has_budget()) {
      out.Percent("EXECUTION_RATE_MISMATCH", fund.stated_execution_percent(),
                  absl::StrCat("budget.special_funds[", i, "].stated_execution_percent"),
                  fund.spent().fen(), fund.budget().fen(), 0,
                  absl::StrCat("专项资金“", fund.name(), "”支出率"));
    }
  }
}

// Declared scores of the items of one group add up to the group's declared
// subtotal; sub-items add up to their item.
void CheckItemScores(Findings& out,
                     const google::protobuf::RepeatedPtrField<jixiao::v1::AssessedItem>& items,
                     const std::string& path, absl::string_view what,
                     std::optional<double> expected) {
  double sum = 0;
  bool every_item = !items.empty();
  for (int i = 0; i < items.size(); ++i) {
    const auto& item = items.Get(i);
    every_item = every_item && item.has_declared_score();
    sum += item.declared_score();
    if (item.sub_items_size() > 0) {
      CheckItemScores(
          out, item.sub_items(), absl::StrCat(path, "[", i, "].sub_items"), item.name(),
          item.has_declared_score() ? std::optional<double>(item.declared_score()) : std::nullopt);
    }
  }
  if (every_item && expected.has_value() && std::fabs(sum - *expected) > kScoreTolerance) {
    out.Warn("SUBSCORE_SUM_MISMATCH", path,
             absl::StrFormat("%s 各项自评得分合计 %.2f，与申报的 %.2f 不符", what, sum, *expected));
  }
}

void CheckDeclaredScores(Findings& out, const jixiao::v1::EvaluationReport& report) {
  const auto& declared = report.declared();
  auto subtotal = [&](absl::string_view code) -> std::optional<double> {
    for (const auto& s : declared.subtotals()) {
      if (s.code() == code && s.has_score()) return s.score();
    }
    return std::nullopt;
  };
  CheckItemScores(out, report.effectiveness_items(), "effectiveness_items", "履职效能",
                  subtotal("effectiveness"));
  CheckItemScores(out, report.management_items(), "management_items", "管理效率",
                  subtotal("management"));
  if (!declared.has_total() || declared.subtotals_size() == 0) return;
  double sum = 0;
  for (const auto& s : declared.subtotals()) {
    if (!s.has_score()) return;
    sum += s.score();
  }
  if (std::fabs(sum - declared.total()) > kScoreTolerance) {
    out.Warn(
        "SUBSCORE_SUM_MISMATCH", "declared.total",
        absl::StrFormat("各部分自评得分合计 %.2f，与申报总分 %.2f 不符", sum, declared.total()));
  }
}

}  // namespace

std::vector<Finding> CheckReportConsistency(const jixiao::v1::EvaluationReport& report) {
  Findings out;
  CheckBudgetRates(out, report.budget());
  for (int i = 0; i < report.budget().breakdowns_size(); ++i)
    CheckBreakdown(out, report.budget(), i);
  CheckProjects(out, report);
  CheckDeclaredScores(out, report);
  return out.Take();
}

std::vector<Finding> CheckTargetTableConsistency(const jixiao::v1::ProjectTargetTable& table) {
  Findings out;
  const int parts = table.projects_size();
  if (parts == 0) return out.Take();
  FenSum total = 0;
  FenSum fiscal = 0;
  for (const auto& p : table.projects()) {
    total += p.total().fen();
    fiscal += p.fiscal_appropriation().fen();
  }
  const FenSum tolerance = FenSum(kRoundingFenPerPart) * parts;
  if (table.has_total() && Differs(total, table.total().fen(), tolerance)) {
    out.Warn("BREAKDOWN_SUM_MISMATCH", "total",
             absl::StrCat("各项目总计合计 ", FormatFenSum(total), " 万元，与合计行 ",
                          money::FormatWanYuan(table.total().fen()), " 万元不符"));
  }
  if (table.has_fiscal_appropriation_total() &&
      Differs(fiscal, table.fiscal_appropriation_total().fen(), tolerance)) {
    out.Warn(
        "BREAKDOWN_SUM_MISMATCH", "fiscal_appropriation_total",
        absl::StrCat("各项目财政拨款合计 ", FormatFenSum(fiscal), " 万元，与合计行 ",
                     money::FormatWanYuan(table.fiscal_appropriation_total().fen()), " 万元不符"));
  }
  return out.Take();
}

}  // namespace jixiao::validation
