#include "services/scoring/engine/special_fund_item.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/scoring/engine/indicator_item.h"
#include "services/scoring/engine/indicator_selection.h"
#include "services/scoring/engine/number_text.h"
#include "services/scoring/engine/reason_codes.h"

namespace jixiao::scoring {
namespace {

bool ListsIndicators(const v1::SpecialFund& fund) {
  return std::any_of(fund.indicators().begin(), fund.indicators().end(),
                     [](const v1::Indicator& indicator) { return IsItemized(indicator); });
}

ItemScore AllMet(const ScoringContext& context, const v1::SchemeItem& item) {
  std::vector<std::string> names;
  for (const v1::SpecialFund& fund : context.report.budget().special_funds()) {
    names.push_back(fund.name());
  }
  ItemScore score;
  score.line = StartItemLine(context, item);
  score.line.set_points(item.max());
  score.line.set_provenance(v1::PROVENANCE_RECOMPUTED);
  score.line.set_rule("all_indicators_met");
  score.line.set_reason_code(std::string(reason::kSpecialFundsAllMet));
  score.line.set_explanation(absl::StrCat("报告称专项资金「", absl::StrJoin(names, "」「"),
                                          "」的绩效指标全部完成，得满分 ", FormatNumber(item.max()),
                                          " 分"));
  return score;
}

}  // namespace

ItemScore ScoreSpecialFundPerformanceItem(const ScoringContext& context,
                                          const v1::SchemeItem& item) {
  const auto& funds = context.report.budget().special_funds();
  if (funds.empty()) {
    return DeclaredOrMissing(context, item, reason::kDeclaredNoInputs, "报告未列出专项资金");
  }
  if (std::all_of(funds.begin(), funds.end(), ListsIndicators)) {
    return ScoreIndicatorList(context, item, SpecialFundIndicators(context.report));
  }
  const bool all_met = std::all_of(funds.begin(), funds.end(), [](const v1::SpecialFund& fund) {
    return fund.has_all_indicators_met() && fund.all_indicators_met();
  });
  if (all_met) return AllMet(context, item);
  const bool some_unmet = std::any_of(funds.begin(), funds.end(), [](const v1::SpecialFund& fund) {
    return fund.has_all_indicators_met() && !fund.all_indicators_met();
  });
  return DeclaredOrMissing(context, item, reason::kDeclaredNoInputs,
                           some_unmet ? "报告称部分专项资金绩效指标未完成，但未列出指标，无法重算"
                                      : "报告未说明专项资金绩效指标的完成情况，无法重算");
}

}  // namespace jixiao::scoring
