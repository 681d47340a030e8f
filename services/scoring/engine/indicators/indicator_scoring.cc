#include "services/scoring/engine/indicators/indicator_scoring.h"

#include <algorithm>

#include "services/scoring/engine/indicators/completion_curve.h"
#include "services/scoring/engine/rounding.h"

namespace jixiao::scoring {
namespace {

// A positive completion rate through the curve and the over-completion rule.
Verdict ByCurve(const v1::IndicatorRules& rules, double rate) {
  Verdict verdict;
  const v1::Curve& curve = rules.completion();
  verdict.rule = CurveRuleName(curve);
  const v1::OverCompletionRule& over = rules.over_completion();
  const CurveReading reading = ReadCurve(curve, rate);
  verdict.curve_fraction = reading.share;
  if (over.policy() == v1::OVER_COMPLETION_POLICY_PENALIZE && IsOverCompleted(over, rate)) {
    verdict.fraction = std::max(0.0, reading.share - over.penalty_fraction());
    verdict.reason = reason::kOverCompletionPenalized;
    verdict.rule = "over_completion_penalty";
    verdict.detail = VerdictDetail::kOverCompletionPenalty;
    return verdict;
  }
  verdict.fraction = reading.share;
  const absl::string_view preset = curve.preset();
  if (preset.empty() && curve.interpolation() == v1::INTERPOLATION_STEP) {
    verdict.step = reading.from;
    verdict.reason = reason::kStepBand;
    verdict.detail = VerdictDetail::kStepBand;
  } else if (preset.empty()) {
    verdict.step = reading.from;
    verdict.step_to = reading.to;
    verdict.reason = reason::kCurveLinear;
    verdict.detail = VerdictDetail::kCurveLinear;
  } else if (ReachesPercent(rate, 100)) {
    verdict.reason = reason::kMet;
    verdict.detail = VerdictDetail::kMet;
  } else if (preset == kPresetThreshold60Linear) {
    const bool below = !ReachesPercent(rate, 60);
    verdict.reason = below ? reason::kBelow60 : reason::kAbove60Linear;
    verdict.detail = below ? VerdictDetail::kBelow60 : VerdictDetail::kAbove60Linear;
  } else {
    verdict.reason = reason::kPartial;
    verdict.detail = VerdictDetail::kPartial;
  }
  if (IsOverCompleted(over, rate)) {  // FLAG: the score stands, a reviewer looks
    verdict.reason = reason::kOverCompletionFlagged;
    verdict.flagged = true;
  }
  return verdict;
}

Verdict ByReverse(const Completion& completion) {
  Verdict verdict;
  verdict.rule = "reverse_linear";
  const double target = completion.target->number();
  const double actual = completion.actual->number();
  verdict.fraction = ReverseFraction(actual, target);
  if (actual <= target) {
    verdict.reason = reason::kReverseMet;
    verdict.detail = VerdictDetail::kReverseMet;
  } else if (verdict.fraction > 0) {
    verdict.reason = reason::kReversePartial;
    verdict.detail = VerdictDetail::kReversePartial;
  } else {
    verdict.reason = reason::kReverseFailed;
    verdict.detail = VerdictDetail::kReverseFailed;
  }
  return verdict;
}

Verdict ByBound(const Completion& completion) {
  Verdict verdict;
  const bool zero = completion.target->number() == 0;
  verdict.rule = zero ? "zero_target" : "negative_target";
  verdict.fraction = completion.met ? 1 : 0;
  if (zero) {
    verdict.reason = completion.met ? reason::kZeroTargetMet : reason::kZeroTargetNotMet;
  } else {
    verdict.reason = completion.met ? reason::kNegativeTargetMet : reason::kNegativeTargetNotMet;
  }
  verdict.detail = VerdictDetail::kBound;
  return verdict;
}

Verdict BySatisfaction(const v1::IndicatorRules& rules, const Completion& completion) {
  Verdict verdict;
  const v1::Curve& curve = rules.satisfaction();
  verdict.rule = CurveRuleName(curve);
  verdict.reason = curve.interpolation() == v1::INTERPOLATION_STEP ? reason::kSatisfactionBand
                                                                   : reason::kSatisfactionCurve;
  verdict.detail = VerdictDetail::kSatisfactionBand;
  const CurveReading reading = ReadCurve(curve, completion.actual->number());
  verdict.step = reading.from;
  verdict.step_to = reading.to;
  verdict.fraction = reading.share;
  return verdict;
}

// Judged by the actual's words (or a restated target): the same tiers as a stated
// completion, without a percentage.
Verdict ByJudgement(const v1::IndicatorRules& rules, v1::Judgement judgement) {
  Verdict verdict;
  verdict.rule = "qualitative_tiers";
  const v1::QualitativeTiers& tiers = rules.qualitative();
  if (judgement == v1::JUDGEMENT_ACHIEVED) {
    verdict.fraction = tiers.achieved();
    verdict.reason = reason::kQualitativeAchieved;
    verdict.detail = VerdictDetail::kQualitativeAchieved;
  } else if (judgement == v1::JUDGEMENT_PARTIALLY_ACHIEVED) {
    verdict.fraction = tiers.partially_achieved();
    verdict.reason = reason::kQualitativePartial;
    verdict.detail = VerdictDetail::kQualitativePartial;
  } else {
    verdict.fraction = tiers.not_achieved();
    verdict.reason = reason::kQualitativeNotAchieved;
    verdict.detail = VerdictDetail::kQualitativeNotAchieved;
  }
  return verdict;
}

// A stated completion read as a tier: ≥ 100 achieved, above 0 partly, else not.
Verdict ByQualitative(const v1::IndicatorRules& rules, double stated) {
  const v1::Judgement judgement = ReachesPercent(stated, 100) ? v1::JUDGEMENT_ACHIEVED
                                  : stated > 0                ? v1::JUDGEMENT_PARTIALLY_ACHIEVED
                                                              : v1::JUDGEMENT_NOT_ACHIEVED;
  return ByJudgement(rules, judgement);
}

Verdict ByDeadline(const Completion& completion) {
  Verdict verdict;
  verdict.rule = "deadline";
  verdict.fraction = completion.met ? 1 : 0;
  verdict.reason = completion.met ? reason::kDeadlineMet : reason::kDeadlineMissed;
  verdict.detail = VerdictDetail::kDeadline;
  return verdict;
}

// No actual, or nothing comparable: the scheme's missing-value policy, never a
// silent zero.
Verdict ByMissingPolicy(const SelectedIndicator& selected, double weight,
                        const v1::IndicatorRules& rules, const Completion& completion) {
  const v1::Indicator& indicator = *selected.indicator;
  const bool missing = completion.basis == CompletionBasis::kMissingActual;
  Verdict verdict;
  if (rules.missing_value() == v1::MISSING_VALUE_POLICY_DECLARED_ELSE_ZERO &&
      indicator.has_declared_score() && weight > 0) {
    const double scale =
        selected.stated_weight.value_or(0) > 0 ? weight / *selected.stated_weight : 1;
    verdict.fraction = std::clamp(indicator.declared_score() * scale / weight, 0.0, 1.0);
    verdict.rule = "missing_value:declared_else_zero";
    verdict.reason = missing ? reason::kMissingActualDeclared : reason::kNotComparableDeclared;
    verdict.provenance = v1::PROVENANCE_DECLARED;
    verdict.detail = VerdictDetail::kMissingDeclared;
    return verdict;
  }
  verdict.fraction = 0;
  verdict.rule = "missing_value:zero_and_flag";
  verdict.reason = missing ? reason::kMissingActualZeroed : reason::kNotComparableZeroed;
  verdict.provenance = v1::PROVENANCE_MISSING;
  verdict.detail = VerdictDetail::kMissingZeroed;
  return verdict;
}

bool UsesSatisfactionSteps(const v1::Indicator& indicator, const v1::IndicatorRules& rules,
                           const Completion& completion) {
  return IsSatisfactionIndicator(indicator) && rules.has_satisfaction() &&
         (completion.actual->unit() == "%" || completion.actual->unit().empty());
}

Verdict Decide(const SelectedIndicator& selected, double weight, const v1::IndicatorRules& rules,
               const Completion& completion) {
  switch (completion.basis) {
    case CompletionBasis::kMissingActual:
    case CompletionBasis::kNotComparable:
      return ByMissingPolicy(selected, weight, rules, completion);
    case CompletionBasis::kDeadline:
      return ByDeadline(completion);
    case CompletionBasis::kStatedQualitative:
      return ByQualitative(rules, *completion.rate_percent);
    case CompletionBasis::kJudged:
      return ByJudgement(rules, completion.judgement);
    case CompletionBasis::kStatedQuantity:
      return ByCurve(rules, *completion.rate_percent);
    case CompletionBasis::kNumbers:
      break;
  }
  if (UsesSatisfactionSteps(*selected.indicator, rules, completion)) {
    return BySatisfaction(rules, completion);
  }
  switch (completion.direction) {
    case Direction::kPositive:
      return ByCurve(rules, *completion.rate_percent);
    case Direction::kReverse:
      return ByReverse(completion);
    default:
      return ByBound(completion);
  }
}

IndicatorOutcome OutcomeOf(const IndicatorScore& score) {
  const Completion& completion = score.completion;
  IndicatorOutcome outcome;
  const bool numbers =
      completion.basis == CompletionBasis::kNumbers && completion.direction == Direction::kPositive;
  outcome.quantitative = numbers || completion.basis == CompletionBasis::kStatedQuantity;
  if (outcome.quantitative) outcome.rate_percent = completion.rate_percent;
  if (score.stated_completion.has_value()) {
    outcome.reported_percent = score.stated_completion->value;
  } else if (numbers) {
    outcome.reported_percent = completion.rate_percent;
  }
  return outcome;
}

}  // namespace

void ScoreIndicator(const SelectedIndicator& selected, double weight,
                    const v1::IndicatorRules& rules, int decimals, ParsedValueStore& store,
                    IndicatorScore& score) {
  const v1::Indicator& indicator = *selected.indicator;
  score.selected = &selected;
  score.weight = weight;
  score.stated_completion = ParseStatedPercent(indicator.stated_completion_percent());
  score.completion = AssessCompletion(indicator, score.stated_completion, store);
  score.verdict = Decide(selected, weight, rules, score.completion);
  score.points = std::min(RoundTo(score.verdict.fraction * weight, decimals), weight);
  if (indicator.has_declared_score()) {
    // The report's score is out of its own weight; compared out of ours.
    const double stated_weight = selected.stated_weight.value_or(weight);
    const bool rescaled = stated_weight > 0 && !SameScore(stated_weight, weight, decimals);
    const double declared =
        rescaled ? indicator.declared_score() * weight / stated_weight : indicator.declared_score();
    score.declared_points = RoundTo(declared, decimals);
    if (rescaled) {
      score.declared_out_of = stated_weight;
      score.declared_rescaled = declared;
    }
  }
  if (score.completion.rate_percent.has_value() &&
      score.completion.direction == Direction::kPositive) {
    score.completion_percent = RoundTo(*score.completion.rate_percent, decimals);
  }
  score.outcome = OutcomeOf(score);
}

}  // namespace jixiao::scoring
