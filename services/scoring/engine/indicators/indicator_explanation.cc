#include "services/scoring/engine/indicators/indicator_explanation.h"

#include "absl/strings/ascii.h"
#include "services/scoring/engine/explanation/curve_text.h"
#include "services/scoring/engine/explanation/explanation_text.h"

namespace jixiao::scoring {
namespace {

// Explanations run to a couple of hundred bytes: one allocation, not five.
constexpr size_t kExplanationCapacity = 256;

absl::string_view Text(const v1::MeasuredValue& value) {
  return absl::StripAsciiWhitespace(value.text());
}

// "目标 10家，实际 74家，完成率 740%" / "定性指标（…）".
void AppendValues(const v1::Indicator& indicator, const Completion& completion, std::string& out) {
  switch (completion.basis) {
    case CompletionBasis::kNumbers:
      AppendText(out, "目标 ", Text(indicator.target()), "，实际 ", Text(indicator.actual()));
      if (completion.rate_percent.has_value() && completion.direction == Direction::kPositive) {
        AppendText(out, "，完成率 ", Percent{*completion.rate_percent});
      } else if (completion.rate_percent.has_value()) {
        AppendText(out, "，实际为目标的 ", Percent{*completion.rate_percent});
      }
      return;
    case CompletionBasis::kDeadline:
      AppendText(out, "目标 ", Text(indicator.target()), "，实际 ", Text(indicator.actual()));
      return;
    case CompletionBasis::kStatedQuantity:
      AppendText(out, "目标 ", Text(indicator.target()), "，实际 ", Text(indicator.actual()), "（");
      AppendNotComparableReason(completion, out);
      AppendText(out, "），按报告所列完成率 ", Percent{*completion.rate_percent});
      return;
    case CompletionBasis::kJudged:
      AppendText(out, "目标 ", Text(indicator.target()), "，实际 ", Text(indicator.actual()));
      return;
    case CompletionBasis::kStatedQualitative:
      out.append("定性指标（");
      AppendNotComparableReason(completion, out);
      out.append("）");
      return;
    default:
      AppendText(out, "目标 ", Text(indicator.target()));
      return;
  }
}

// How a qualitative tier was decided, up to the tier's name: "报告完成率 100%，认定为达成",
// "实际「达成预期指标」读作达成", "实际「合格」与目标一致，读作达成".
void AppendQualitativeReading(const IndicatorScore& score, absl::string_view tier,
                              std::string& out) {
  const Completion& completion = score.completion;
  if (completion.basis != CompletionBasis::kJudged) {
    AppendText(out, "报告完成率 ", Percent{*completion.rate_percent}, "，认定为", tier);
    return;
  }
  AppendText(out, "实际「", Text(score.selected->indicator->actual()), "」",
             completion.judged_by == JudgedBy::kRestatesTarget ? "与目标一致，读作" : "读作", tier);
}

void AppendMissingWhy(const Completion& completion, std::string& out) {
  if (completion.basis == CompletionBasis::kMissingActual) {
    out.append("未给出实际完成值");
    return;
  }
  AppendNotComparableReason(completion, out);
  out.append("，且报告未列完成率");
}

}  // namespace

void AppendVerdictDetail(const IndicatorScore& score, const v1::IndicatorRules& rules,
                         std::string& out) {
  const Verdict& verdict = score.verdict;
  const Completion& completion = score.completion;
  const v1::OverCompletionRule& over = rules.over_completion();
  switch (verdict.detail) {
    case VerdictDetail::kOverCompletionPenalty:
      AppendText(out, "超过 ", Percent{over.threshold_percent()},
                 "，目标设定偏低，扣减该指标分值的 ", Share{over.penalty_fraction()});
      break;
    case VerdictDetail::kStepBand:
      if (verdict.step == nullptr) {
        out.append("低于最低一档，不得分");
      } else {
        AppendText(out, "落在 ≥", Percent{verdict.step->percent()}, " 一档，得分值的 ",
                   Share{verdict.curve_fraction});
      }
      break;
    case VerdictDetail::kCurveLinear:
      AppendCurveReading(verdict.step, verdict.step_to, verdict.curve_fraction, out);
      break;
    case VerdictDetail::kMet:
      out.append("达到目标，得满分");
      break;
    case VerdictDetail::kBelow60:
      out.append("低于 60%，不得分");
      break;
    case VerdictDetail::kAbove60Linear:
      AppendText(out, "按 (完成率 − 60%) ÷ 40% 计，得分值的 ", Share{verdict.curve_fraction});
      break;
    case VerdictDetail::kPartial:
      AppendText(out, "未达目标，按完成率计，得分值的 ", Share{verdict.curve_fraction});
      break;
    case VerdictDetail::kReverseMet:
      out.append("反向指标，不高于目标，得满分");
      break;
    case VerdictDetail::kReversePartial:
      AppendText(out, "反向指标，超出目标，按 (2 × 目标 − 实际) ÷ 目标 计，得分值的 ",
                 Share{verdict.fraction});
      break;
    case VerdictDetail::kReverseFailed:
      out.append("反向指标，达到目标的两倍及以上，不得分");
      break;
    case VerdictDetail::kBound:
      AppendText(out, "目标为", completion.direction == Direction::kAtMost ? "不高于" : "不低于",
                 " ", Figure{completion.target->number()}, completion.target->unit(),
                 "，无法计算比率，", completion.met ? "已达到，得满分" : "未达到，不得分");
      break;
    case VerdictDetail::kSatisfactionBand: {
      const double satisfaction = completion.actual->number();
      if (verdict.step == nullptr) {
        AppendText(out, "满意度 ", Percent{satisfaction}, "，低于最低一档，不得分");
      } else if (verdict.reason.code == reason::kSatisfactionCurve.code) {
        AppendText(out, "满意度 ", Percent{satisfaction}, "，");
        AppendCurveReading(verdict.step, verdict.step_to, verdict.fraction, out);
      } else {
        AppendText(out, "满意度 ", Percent{satisfaction}, " 落在 ≥",
                   Percent{verdict.step->percent()}, " 一档，得分值的 ", Share{verdict.fraction});
      }
      break;
    }
    case VerdictDetail::kQualitativeAchieved:
      AppendQualitativeReading(score, "达成", out);
      AppendText(out, "，得分值的 ", Share{verdict.fraction});
      break;
    case VerdictDetail::kQualitativePartial:
      AppendQualitativeReading(score, "部分达成", out);
      AppendText(out, "，得分值的 ", Share{verdict.fraction});
      break;
    case VerdictDetail::kQualitativeNotAchieved:
      AppendQualitativeReading(score, "未达成", out);
      AppendText(out, "，得分值的 ", Share{verdict.fraction});
      break;
    case VerdictDetail::kDeadline:
      AppendText(out, "时限 ", completion.target->deadline(), "，实际 ",
                 completion.actual->deadline(),
                 completion.met ? "，按时完成，得满分" : "，逾期，不得分");
      break;
    case VerdictDetail::kMissingDeclared:
      AppendMissingWhy(completion, out);
      AppendText(out, "，按报告自评得分 ", Figure{score.selected->indicator->declared_score()},
                 " 分计入");
      break;
    case VerdictDetail::kMissingZeroed:
      AppendMissingWhy(completion, out);
      out.append("，按缺失值规则计 0 分并提示");
      break;
  }
  if (verdict.flagged) {  // the score stands, a reviewer looks
    AppendText(out, "；完成率超过 ", Percent{over.threshold_percent()},
               "，目标可能设定偏低，需说明原因（不扣分）");
  }
}

void ExplainIndicator(const IndicatorScore& score, const v1::IndicatorRules& rules,
                      const std::string& item_code, int decimals, v1::ScoreLine& line) {
  const v1::Indicator& indicator = *score.selected->indicator;
  line.set_item_code(item_code);
  line.set_indicator_id(indicator.id());
  line.set_name(indicator.name());
  line.set_max(score.weight);
  line.set_points(score.points);
  line.set_rule(std::string(score.verdict.rule));
  line.set_reason_code(std::string(score.verdict.reason.code));
  line.set_provenance(score.verdict.provenance);
  if (score.declared_points.has_value()) line.set_declared_points(*score.declared_points);
  if (score.completion_percent.has_value()) line.set_completion_percent(*score.completion_percent);

  std::string& explanation = *line.mutable_explanation();
  explanation.reserve(kExplanationCapacity);
  AppendValues(indicator, score.completion, explanation);
  explanation.append("，");
  AppendVerdictDetail(score, rules, explanation);
  AppendText(explanation, "：得 ", Figure{score.points, decimals}, " 分（分值 ",
             Figure{score.weight, decimals}, " 分）");
  if (score.declared_out_of.has_value()) {
    AppendText(explanation, "（报告自评 ", Figure{indicator.declared_score()}, "/",
               Figure{*score.declared_out_of}, " 分，按分值折算为 ",
               Figure{score.declared_rescaled, decimals}, " 分）");
  }
}

}  // namespace jixiao::scoring
