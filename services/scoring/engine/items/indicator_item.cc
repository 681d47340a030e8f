#include "services/scoring/engine/items/indicator_item.h"

#include <algorithm>

#include "services/scoring/engine/items/weight_allocation.h"
#include "services/scoring/engine/rounding.h"

namespace jixiao::scoring {
namespace {

// Key tasks whose listed indicators all belong to the item, and which declare a
// score: their sum stands for the item when nothing else does.
std::optional<double> KeyTaskDeclared(const ScoringContext& context, const v1::SchemeItem& item,
                                      std::vector<const v1::KeyTask*>& tasks) {
  std::optional<double> sum;
  for (const v1::KeyTask& task : context.report.key_tasks()) {
    if (!task.has_declared_score() || task.indicators().empty()) continue;
    const bool all_in_item = std::all_of(task.indicators().begin(), task.indicators().end(),
                                         [&](const v1::Indicator& indicator) {
                                           return context.assignment->ItemOf(indicator) == &item;
                                         });
    if (!all_in_item) continue;
    sum = sum.value_or(0) + task.declared_score();
    tasks.push_back(&task);
  }
  return sum;
}

ItemScore FromKeyTasks(const ScoringContext& context, const v1::SchemeItem& item, double declared,
                       std::vector<const v1::KeyTask*> tasks) {
  ItemScore score = StartItemScore(context, item);
  score.basis = ItemBasis::kKeyTasks;
  score.why = NotRecomputed::kIndicatorsNotItemized;
  score.key_tasks = std::move(tasks);
  score.declared = CountDeclared(context, item, declared);
  score.points = score.declared.counted;
  score.provenance = v1::PROVENANCE_DECLARED;
  score.rule = "declared";
  score.reason = reason::kDeclaredFromKeyTasks;
  if (!score.declared_points.has_value()) score.declared_points = score.points;
  return score;
}

bool RowsDeclareScores(const ScoringContext& context, const v1::SchemeItem& item,
                       const std::vector<const SelectedIndicator*>& selected) {
  const v1::IndicatorRules& rules = context.scheme.IndicatorRulesFor(item);
  return rules.missing_value() == v1::MISSING_VALUE_POLICY_DECLARED_ELSE_ZERO &&
         !selected.empty() &&
         std::all_of(selected.begin(), selected.end(),
                     [](const SelectedIndicator* s) { return s->indicator->has_declared_score(); });
}

v1::Provenance ItemProvenance(const std::vector<IndicatorScore>& indicators) {
  bool any_declared = false;
  bool all_missing = true;
  for (const IndicatorScore& indicator : indicators) {
    any_declared |= indicator.verdict.provenance == v1::PROVENANCE_DECLARED;
    all_missing &= indicator.verdict.provenance == v1::PROVENANCE_MISSING;
  }
  if (all_missing) return v1::PROVENANCE_MISSING;
  return any_declared ? v1::PROVENANCE_DECLARED : v1::PROVENANCE_RECOMPUTED;
}

}  // namespace

ItemScore ScoreIndicatorList(const ScoringContext& context, const v1::SchemeItem& item,
                             const std::vector<const SelectedIndicator*>& selected) {
  const v1::IndicatorRules& rules = context.scheme.IndicatorRulesFor(item);
  std::vector<std::optional<double>> stated;
  stated.reserve(selected.size());
  ItemScore score = StartItemScore(context, item);
  bool all_stated = !selected.empty();
  for (const SelectedIndicator* s : selected) {
    const bool ignored = item.row_weights() == v1::ROW_WEIGHTS_EQUAL;
    stated.push_back(ignored ? std::nullopt : s->stated_weight);
    score.any_stated_weight |= s->stated_weight.has_value();
    all_stated &= s->stated_weight.has_value();
  }
  std::vector<double> weights;
  if (item.row_weights() == v1::ROW_WEIGHTS_PRINTED && all_stated) {
    // The form's weights rule as printed.
    double sum = 0;
    for (const std::optional<double>& weight : stated) {
      weights.push_back(RoundTo(std::max(0.0, *weight), context.decimals));
      sum += weights.back();
    }
    if (!SameScore(sum, score.max, context.decimals)) score.printed_weights_sum = sum;
  } else {
    score.printed_weights_incomplete = item.row_weights() == v1::ROW_WEIGHTS_PRINTED;
    weights = AllocateWeights(stated, score.max, context.decimals);
  }

  score.basis = ItemBasis::kIndicators;
  score.indicators.reserve(selected.size());
  double sum = 0;
  for (size_t i = 0; i < selected.size(); ++i) {
    IndicatorScore& indicator = score.indicators.emplace_back();
    ScoreIndicator(*selected[i], weights[i], rules, context.decimals, context.parsed_values,
                   indicator);
    sum += indicator.points;
  }
  score.points = std::min(RoundTo(sum, context.decimals), score.max);
  score.provenance = ItemProvenance(score.indicators);
  score.rule = "indicators";
  score.reason = reason::kIndicatorsRecomputed;
  score.missing = score.provenance == v1::PROVENANCE_MISSING;
  return score;
}

ItemScore ScoreIndicatorItem(const ScoringContext& context, const v1::SchemeItem& item) {
  const std::vector<const SelectedIndicator*>& selected = context.assignment->For(item);
  const bool any_itemized =
      std::any_of(selected.begin(), selected.end(),
                  [](const SelectedIndicator* s) { return IsItemized(*s->indicator); });
  const KeyTaskCoverage& coverage = context.index.coverage();

  if (!any_itemized) {
    std::vector<const v1::KeyTask*> tasks;
    const std::optional<double> from_tasks = KeyTaskDeclared(context, item, tasks);
    ItemScore score = DeclaredOrMissing(context, item, reason::kDeclaredNotItemized,
                                        NotRecomputed::kIndicatorsNotItemized);
    if (score.basis != ItemBasis::kDeclared && from_tasks.has_value()) {
      score = FromKeyTasks(context, item, *from_tasks, std::move(tasks));
    }
    if (score.basis == ItemBasis::kMissing && RowsDeclareScores(context, item, selected)) {
      // The form prints a score for every row but no values (the target folded
      // into the name): under the declared-else-zero policy each row takes its
      // declared score, marked declared, with its MISSING_ACTUAL finding.
      return ScoreIndicatorList(context, item, selected);
    }
    if (coverage.partial()) score.coverage_finding = CoverageFinding::kCannotBeRecomputed;
    return score;
  }
  if (coverage.partial()) {
    ItemScore declared = DeclaredOrMissing(context, item, reason::kDeclaredPartiallyItemized,
                                           NotRecomputed::kIndicatorsPartiallyItemized);
    if (declared.basis == ItemBasis::kDeclared) {
      // Recomputing from a subset would understate the item: keep the declared score.
      declared.coverage_finding = CoverageFinding::kTakenAsDeclared;
      return declared;
    }
  }
  ItemScore score = ScoreIndicatorList(context, item, selected);
  if (coverage.partial()) score.coverage_finding = CoverageFinding::kRecomputedFromListed;
  return score;
}

}  // namespace jixiao::scoring
