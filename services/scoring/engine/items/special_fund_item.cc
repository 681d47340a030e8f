#include "services/scoring/engine/items/special_fund_item.h"

#include <algorithm>
#include <vector>

#include "services/scoring/engine/items/indicator_item.h"

namespace jixiao::scoring {
namespace {

bool ListsIndicators(const v1::SpecialFund& fund) {
  return std::any_of(fund.indicators().begin(), fund.indicators().end(),
                     [](const v1::Indicator& indicator) { return IsItemized(indicator); });
}

ItemScore AllMet(const ScoringContext& context, const v1::SchemeItem& item) {
  ItemScore score = StartItemScore(context, item);
  score.basis = ItemBasis::kSpecialFundsAllMet;
  score.points = score.max;
  score.provenance = v1::PROVENANCE_RECOMPUTED;
  score.rule = "all_indicators_met";
  score.reason = reason::kSpecialFundsAllMet;
  return score;
}

}  // namespace

ItemScore ScoreSpecialFundPerformanceItem(const ScoringContext& context,
                                          const v1::SchemeItem& item) {
  const auto& funds = context.report.budget().special_funds();
  if (funds.empty()) {
    return DeclaredOrMissing(context, item, reason::kDeclaredNoInputs,
                             NotRecomputed::kSpecialFundsUnlisted);
  }
  if (std::all_of(funds.begin(), funds.end(), ListsIndicators)) {
    std::vector<const SelectedIndicator*> indicators;
    indicators.reserve(context.index.special_fund_indicators().size());
    for (const SelectedIndicator& indicator : context.index.special_fund_indicators()) {
      indicators.push_back(&indicator);
    }
    return ScoreIndicatorList(context, item, indicators);
  }
  const bool all_met = std::all_of(funds.begin(), funds.end(), [](const v1::SpecialFund& fund) {
    return fund.has_all_indicators_met() && fund.all_indicators_met();
  });
  if (all_met) return AllMet(context, item);
  const bool some_unmet = std::any_of(funds.begin(), funds.end(), [](const v1::SpecialFund& fund) {
    return fund.has_all_indicators_met() && !fund.all_indicators_met();
  });
  return DeclaredOrMissing(
      context, item, reason::kDeclaredNoInputs,
      some_unmet ? NotRecomputed::kSpecialFundsPartlyUnmet : NotRecomputed::kSpecialFundsUnstated);
}

}  // namespace jixiao::scoring
