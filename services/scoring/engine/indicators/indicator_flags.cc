#include "services/scoring/engine/indicators/indicator_flags.h"

#include <string>

#include "services/scoring/engine/explanation/explanation_text.h"

namespace jixiao::scoring {
namespace {

// "indicator 产出-6 商贸业项目申报验收工作完成情况".
void AppendLabel(const v1::Indicator& indicator, std::string& out) {
  AppendText(out, "indicator ", indicator.id(), " ", indicator.name());
}

v1::Finding& AddIndicatorFinding(const IndicatorScore& score, absl::string_view code,
                                 v1::Severity severity, absl::string_view path_suffix,
                                 Findings& findings) {
  v1::Finding& finding = AddFinding(findings, code, severity);
  std::string& path = *finding.mutable_field_path();
  AppendFieldPath(score.selected->location, path);
  path.append(path_suffix.data(), path_suffix.size());
  AppendLabel(*score.selected->indicator, *finding.mutable_message());
  return finding;
}

void AddValueFlag(const IndicatorScore& score, Findings& findings) {
  const Completion& completion = score.completion;
  switch (completion.basis) {
    case CompletionBasis::kMissingActual: {
      std::string& message = *AddIndicatorFinding(score, finding::kMissingActual,
                                                  v1::SEVERITY_WARNING, ".actual", findings)
                                  .mutable_message();
      AppendText(message, " has no actual value; scored by the missing-value policy (",
                 score.verdict.rule, ")");
      return;
    }
    case CompletionBasis::kNotComparable: {
      std::string& message = *AddIndicatorFinding(score, finding::kNotComparable,
                                                  v1::SEVERITY_WARNING, ".actual", findings)
                                  .mutable_message();
      message.append(": ");
      AppendNotComparableReason(completion, message);
      AppendText(message, " and no stated completion; scored by the missing-value policy (",
                 score.verdict.rule, ")");
      return;
    }
    case CompletionBasis::kStatedQuantity: {
      std::string& message = *AddIndicatorFinding(score, finding::kNotComparable, v1::SEVERITY_INFO,
                                                  ".actual", findings)
                                  .mutable_message();
      message.append(": ");
      AppendNotComparableReason(completion, message);
      message.append("; the stated completion is used");
      return;
    }
    default:
      return;
  }
}

void AddOverCompletionFlag(const IndicatorScore& score, const v1::IndicatorRules& rules,
                           Findings& findings) {
  const bool penalized = score.verdict.detail == VerdictDetail::kOverCompletionPenalty;
  if (!penalized && !score.verdict.flagged) return;
  const v1::OverCompletionRule& over = rules.over_completion();
  v1::Finding& finding = penalized ? AddIndicatorFinding(score, finding::kOverCompletionPenalized,
                                                         v1::SEVERITY_INFO, "", findings)
                                   : AddIndicatorFinding(score, finding::kOverCompletionFlagged,
                                                         v1::SEVERITY_WARNING, "", findings);
  std::string& message = *finding.mutable_message();
  AppendText(message, " was completed at ", Percent{score.completion.rate_percent.value_or(0)},
             ", above ", Percent{over.threshold_percent()});
  if (penalized) {
    AppendText(message, ": the target was set too low; it loses ", Share{over.penalty_fraction()},
               " of its weight");
  } else {
    message.append(": the target may have been set too low");
  }
}

// Reports cap completion at 100%: a printed 100 against an actual above the
// target is not a contradiction.
void AddStatedCompletionFlag(const IndicatorScore& score, Findings& findings) {
  const Completion& completion = score.completion;
  if (completion.basis != CompletionBasis::kNumbers ||
      completion.direction != Direction::kPositive || !completion.rate_percent.has_value() ||
      !score.stated_completion.has_value()) {
    return;
  }
  const stated_percent::StatedPercent& printed = *score.stated_completion;
  const double rate = *completion.rate_percent;
  if ((printed.value == 100 && rate >= 100) || stated_percent::Matches(printed, rate)) return;
  AppendText(*AddIndicatorFinding(score, finding::kStatedCompletionMismatch, v1::SEVERITY_INFO,
                                  ".stated_completion_percent", findings)
                  .mutable_message(),
             ": stated completion ", Percent{printed.value}, ", but actual / target is ",
             Percent{rate});
}

}  // namespace

void AddIndicatorFlags(const IndicatorScore& score, const v1::IndicatorRules& rules,
                       Findings& findings) {
  AddValueFlag(score, findings);
  AddOverCompletionFlag(score, rules, findings);
  AddStatedCompletionFlag(score, findings);
}

}  // namespace jixiao::scoring
