#include "services/scoring/engine/indicator_scoring.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "services/scoring/engine/completion.h"
#include "services/scoring/engine/completion_curve.h"
#include "services/scoring/engine/indicator_flags.h"
#include "services/scoring/engine/measured_value.h"
#include "services/scoring/engine/number_text.h"
#include "services/scoring/engine/reason_codes.h"
#include "services/scoring/engine/rounding.h"

namespace jixiao::scoring {
namespace {

// The rule's decision: a share of the weight, and why.
struct Verdict {
  double fraction = 0;
  absl::string_view reason;
  std::string rule;
  std::string detail;  // the Chinese clause that justifies the share
  v1::Provenance provenance = v1::PROVENANCE_RECOMPUTED;
};

std::string Text(const v1::MeasuredValue& value) {
  return std::string(absl::StripAsciiWhitespace(value.text()));
}

std::string CurveName(v1::CompletionCurve curve) {
  switch (curve) {
    case v1::COMPLETION_CURVE_THRESHOLD_60_LINEAR:
      return "threshold_60_linear";
    case v1::COMPLETION_CURVE_STEPWISE:
      return "stepwise";
    default:
      return "proportional";
  }
}

// A positive completion rate through the curve and the over-completion rule.
Verdict ByCurve(const v1::IndicatorRules& rules, double rate) {
  Verdict verdict;
  verdict.rule = CurveName(rules.curve());
  const v1::OverCompletionRule& over = rules.over_completion();
  const double curve = CurveFraction(rules, rate);
  if (over.policy() == v1::OVER_COMPLETION_POLICY_PENALIZE && IsOverCompleted(over, rate)) {
    verdict.fraction = std::max(0.0, curve - over.penalty_fraction());
    verdict.reason = reason::kOverCompletionPenalized;
    verdict.rule = "over_completion_penalty";
    verdict.detail =
        absl::StrCat("超过 ", FormatPercent(over.threshold_percent()),
                     "，目标设定偏低，扣减该指标分值的 ", FormatShare(over.penalty_fraction()));
    return verdict;
  }
  verdict.fraction = curve;
  if (rules.curve() == v1::COMPLETION_CURVE_STEPWISE) {
    const v1::Band* band = BandFor(rules.steps(), rate);
    verdict.reason = reason::kStepBand;
    verdict.detail = band == nullptr ? "低于最低一档，不得分"
                                     : absl::StrCat("落在 ≥", FormatPercent(band->min_percent()),
                                                    " 一档，得分值的 ", FormatShare(curve));
  } else if (ReachesPercent(rate, 100)) {
    verdict.reason = reason::kMet;
    verdict.detail = "达到目标，得满分";
  } else if (rules.curve() == v1::COMPLETION_CURVE_THRESHOLD_60_LINEAR) {
    const bool below = !ReachesPercent(rate, 60);
    verdict.reason = below ? reason::kBelow60 : reason::kAbove60Linear;
    verdict.detail =
        below ? "低于 60%，不得分"
              : absl::StrCat("按 (完成率 − 60%) ÷ 40% 计，得分值的 ", FormatShare(curve));
  } else {
    verdict.reason = reason::kPartial;
    verdict.detail = absl::StrCat("未达目标，按完成率计，得分值的 ", FormatShare(curve));
  }
  if (IsOverCompleted(over, rate)) {  // FLAG: the score stands, a reviewer looks
    verdict.reason = reason::kOverCompletionFlagged;
    verdict.detail =
        absl::StrCat(verdict.detail, "；完成率超过 ", FormatPercent(over.threshold_percent()),
                     "，目标可能设定偏低，需说明原因（不扣分）");
  }
  return verdict;
}

Verdict ByReverse(const Completion& completion) {
  Verdict verdict;
  verdict.rule = "reverse_linear";
  const double target = completion.target.number();
  const double actual = completion.actual.number();
  verdict.fraction = ReverseFraction(actual, target);
  if (actual <= target) {
    verdict.reason = reason::kReverseMet;
    verdict.detail = "反向指标，不高于目标，得满分";
  } else if (verdict.fraction > 0) {
    verdict.reason = reason::kReversePartial;
    verdict.detail = absl::StrCat("反向指标，超出目标，按 (2 × 目标 − 实际) ÷ 目标 计，得分值的 ",
                                  FormatShare(verdict.fraction));
  } else {
    verdict.reason = reason::kReverseFailed;
    verdict.detail = "反向指标，达到目标的两倍及以上，不得分";
  }
  return verdict;
}

Verdict ByBound(const Completion& completion) {
  Verdict verdict;
  const bool zero = completion.target.number() == 0;
  verdict.rule = zero ? "zero_target" : "negative_target";
  verdict.fraction = completion.met ? 1 : 0;
  if (zero) {
    verdict.reason = completion.met ? reason::kZeroTargetMet : reason::kZeroTargetNotMet;
  } else {
    verdict.reason = completion.met ? reason::kNegativeTargetMet : reason::kNegativeTargetNotMet;
  }
  const std::string bound = completion.direction == Direction::kAtMost ? "不高于" : "不低于";
  verdict.detail = absl::StrCat("目标为", bound, " ", FormatNumber(completion.target.number()),
                                completion.target.unit(), "，无法计算比率，",
                                completion.met ? "已达到，得满分" : "未达到，不得分");
  return verdict;
}

Verdict BySatisfaction(const v1::IndicatorRules& rules, const Completion& completion) {
  Verdict verdict;
  verdict.rule = "satisfaction_steps";
  verdict.reason = reason::kSatisfactionBand;
  const double satisfaction = completion.actual.number();
  const v1::Band* band = BandFor(rules.satisfaction_steps(), satisfaction);
  verdict.fraction = BandFraction(rules.satisfaction_steps(), satisfaction);
  verdict.detail =
      band == nullptr
          ? absl::StrCat("满意度 ", FormatPercent(satisfaction), "，低于最低一档，不得分")
          : absl::StrCat("满意度 ", FormatPercent(satisfaction), " 落在 ≥",
                         FormatPercent(band->min_percent()), " 一档，得分值的 ",
                         FormatShare(verdict.fraction));
  return verdict;
}

Verdict ByQualitative(const v1::IndicatorRules& rules, double stated) {
  Verdict verdict;
  verdict.rule = "qualitative_tiers";
  const v1::QualitativeTiers& tiers = rules.qualitative();
  if (ReachesPercent(stated, 100)) {
    verdict.fraction = tiers.achieved();
    verdict.reason = reason::kQualitativeAchieved;
    verdict.detail = absl::StrCat("报告完成率 ", FormatPercent(stated), "，认定为达成，得分值的 ",
                                  FormatShare(tiers.achieved()));
  } else if (stated > 0) {
    verdict.fraction = tiers.partially_achieved();
    verdict.reason = reason::kQualitativePartial;
    verdict.detail =
        absl::StrCat("报告完成率 ", FormatPercent(stated), "，认定为部分达成，得分值的 ",
                     FormatShare(tiers.partially_achieved()));
  } else {
    verdict.fraction = tiers.not_achieved();
    verdict.reason = reason::kQualitativeNotAchieved;
    verdict.detail = absl::StrCat("报告完成率 ", FormatPercent(stated), "，认定为未达成，得分值的 ",
                                  FormatShare(tiers.not_achieved()));
  }
  return verdict;
}

Verdict ByDeadline(const Completion& completion) {
  Verdict verdict;
  verdict.rule = "deadline";
  verdict.fraction = completion.met ? 1 : 0;
  verdict.reason = completion.met ? reason::kDeadlineMet : reason::kDeadlineMissed;
  verdict.detail =
      absl::StrCat("时限 ", completion.target.deadline(), "，实际 ", completion.actual.deadline(),
                   completion.met ? "，按时完成，得满分" : "，逾期，不得分");
  return verdict;
}

// No actual, or nothing comparable: the scheme's missing-value policy, never a
// silent zero.
Verdict ByMissingPolicy(const IndicatorInput& input, const v1::IndicatorRules& rules,
                        const Completion& completion) {
  const v1::Indicator& indicator = *input.indicator;
  const bool missing = completion.basis == CompletionBasis::kMissingActual;
  Verdict verdict;
  const std::string why =
      missing ? "未给出实际完成值"
              : absl::StrCat(completion.not_comparable_reason, "，且报告未列完成率");
  if (rules.missing_value() == v1::MISSING_VALUE_POLICY_DECLARED_ELSE_ZERO &&
      indicator.has_declared_score() && input.weight > 0) {
    const double scale =
        input.stated_weight.value_or(0) > 0 ? input.weight / *input.stated_weight : 1;
    verdict.fraction = std::clamp(indicator.declared_score() * scale / input.weight, 0.0, 1.0);
    verdict.rule = "missing_value:declared_else_zero";
    verdict.reason = missing ? reason::kMissingActualDeclared : reason::kNotComparableDeclared;
    verdict.provenance = v1::PROVENANCE_DECLARED;
    verdict.detail =
        absl::StrCat(why, "，按报告自评得分 ", FormatNumber(indicator.declared_score()), " 分计入");
    return verdict;
  }
  verdict.fraction = 0;
  verdict.rule = "missing_value:zero_and_flag";
  verdict.reason = missing ? reason::kMissingActualZeroed : reason::kNotComparableZeroed;
  verdict.provenance = v1::PROVENANCE_MISSING;
  verdict.detail = absl::StrCat(why, "，按缺失值规则计 0 分并提示");
  return verdict;
}

bool UsesSatisfactionSteps(const v1::Indicator& indicator, const v1::IndicatorRules& rules,
                           const Completion& completion) {
  return IsSatisfactionIndicator(indicator) && !rules.satisfaction_steps().empty() &&
         (completion.actual.unit() == "%" || completion.actual.unit().empty());
}

Verdict Decide(const IndicatorInput& input, const v1::IndicatorRules& rules,
               const Completion& completion) {
  switch (completion.basis) {
    case CompletionBasis::kMissingActual:
    case CompletionBasis::kNotComparable:
      return ByMissingPolicy(input, rules, completion);
    case CompletionBasis::kDeadline:
      return ByDeadline(completion);
    case CompletionBasis::kStatedQualitative:
      return ByQualitative(rules, *completion.rate_percent);
    case CompletionBasis::kStatedQuantity:
      return ByCurve(rules, *completion.rate_percent);
    case CompletionBasis::kNumbers:
      break;
  }
  if (UsesSatisfactionSteps(*input.indicator, rules, completion)) {
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

// "目标 10家，实际 74家，完成率 740%" / "定性指标（…）".
std::string DescribeValues(const v1::Indicator& indicator, const Completion& completion) {
  switch (completion.basis) {
    case CompletionBasis::kNumbers: {
      std::string text =
          absl::StrCat("目标 ", Text(indicator.target()), "，实际 ", Text(indicator.actual()));
      if (completion.rate_percent.has_value() && completion.direction == Direction::kPositive) {
        absl::StrAppend(&text, "，完成率 ", FormatPercent(*completion.rate_percent));
      } else if (completion.rate_percent.has_value()) {
        absl::StrAppend(&text, "，实际为目标的 ", FormatPercent(*completion.rate_percent));
      }
      return text;
    }
    case CompletionBasis::kDeadline:
      return absl::StrCat("目标 ", Text(indicator.target()), "，实际 ", Text(indicator.actual()));
    case CompletionBasis::kStatedQuantity:
      return absl::StrCat("目标 ", Text(indicator.target()), "，实际 ", Text(indicator.actual()),
                          "（", completion.not_comparable_reason, "），按报告所列完成率 ",
                          FormatPercent(*completion.rate_percent));
    case CompletionBasis::kStatedQualitative:
      return absl::StrCat("定性指标（", completion.not_comparable_reason, "）");
    default:
      return absl::StrCat("目标 ", Text(indicator.target()));
  }
}

IndicatorOutcome OutcomeOf(const v1::Indicator& indicator, const Completion& completion) {
  IndicatorOutcome outcome;
  const bool numbers =
      completion.basis == CompletionBasis::kNumbers && completion.direction == Direction::kPositive;
  outcome.quantitative = numbers || completion.basis == CompletionBasis::kStatedQuantity;
  if (outcome.quantitative) outcome.rate_percent = completion.rate_percent;
  outcome.reported_percent = ReadStatedPercent(indicator.stated_completion_percent());
  if (!outcome.reported_percent.has_value() && numbers) {
    outcome.reported_percent = completion.rate_percent;
  }
  return outcome;
}

}  // namespace

IndicatorScore ScoreIndicator(const IndicatorInput& input, const v1::IndicatorRules& rules,
                              int decimals) {
  const v1::Indicator& indicator = *input.indicator;
  const Completion completion = AssessCompletion(indicator);
  const Verdict verdict = Decide(input, rules, completion);

  IndicatorScore score;
  v1::ScoreLine& line = score.line;
  line.set_item_code(input.item_code);
  line.set_indicator_id(indicator.id());
  line.set_name(indicator.name());
  line.set_max(input.weight);
  const double points = std::min(RoundTo(verdict.fraction * input.weight, decimals), input.weight);
  line.set_points(points);
  line.set_rule(verdict.rule);
  line.set_reason_code(std::string(verdict.reason));
  line.set_provenance(verdict.provenance);
  std::string declared_note;
  if (indicator.has_declared_score()) {
    // The report's score is out of its own weight; compared out of ours.
    const double stated_weight = input.stated_weight.value_or(input.weight);
    const bool rescaled = stated_weight > 0 && !SameScore(stated_weight, input.weight, decimals);
    const double declared = rescaled ? indicator.declared_score() * input.weight / stated_weight
                                     : indicator.declared_score();
    line.set_declared_points(RoundTo(declared, decimals));
    if (rescaled) {
      declared_note = absl::StrCat("（报告自评 ", FormatNumber(indicator.declared_score()), "/",
                                   FormatNumber(stated_weight), " 分，按分值折算为 ",
                                   FormatNumber(declared, decimals), " 分）");
    }
  }
  if (completion.rate_percent.has_value() && completion.direction == Direction::kPositive) {
    line.set_completion_percent(RoundTo(*completion.rate_percent, decimals));
  }
  line.set_explanation(absl::StrCat(DescribeValues(indicator, completion), "，", verdict.detail,
                                    "：得 ", FormatNumber(points, decimals), " 分（分值 ",
                                    FormatNumber(input.weight, decimals), " 分）", declared_note));
  score.findings = IndicatorFlags(input, rules, completion, verdict.reason, verdict.rule);
  score.outcome = OutcomeOf(indicator, completion);
  return score;
}

}  // namespace jixiao::scoring
