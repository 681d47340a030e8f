#include "services/scoring/engine/indicator_flags.h"

#include <optional>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/stated_percent/stated_percent.h"
#include "services/scoring/engine/findings.h"
#include "services/scoring/engine/number_text.h"
#include "services/scoring/engine/reason_codes.h"

namespace jixiao::scoring {
namespace {

std::string Label(const v1::Indicator& indicator) {
  return absl::StrCat("indicator ", indicator.id(), " ", indicator.name());
}

std::optional<v1::Finding> ValueFlag(const IndicatorInput& input, const Completion& completion,
                                     absl::string_view rule) {
  const std::string path = absl::StrCat(input.field_path, ".actual");
  const std::string label = Label(*input.indicator);
  switch (completion.basis) {
    case CompletionBasis::kMissingActual:
      return MakeFinding(finding::kMissingActual, v1::SEVERITY_WARNING, path,
                         absl::StrCat(label,
                                      " has no actual value; scored by the missing-value "
                                      "policy (",
                                      rule, ")"));
    case CompletionBasis::kNotComparable:
      return MakeFinding(finding::kNotComparable, v1::SEVERITY_WARNING, path,
                         absl::StrCat(label, ": ", completion.not_comparable_reason,
                                      " and no stated completion; scored by the missing-value "
                                      "policy (",
                                      rule, ")"));
    case CompletionBasis::kStatedQuantity:
      return MakeFinding(finding::kNotComparable, v1::SEVERITY_INFO, path,
                         absl::StrCat(label, ": ", completion.not_comparable_reason,
                                      "; the stated completion is used"));
    default:
      return std::nullopt;
  }
}

std::optional<v1::Finding> OverCompletionFlag(const IndicatorInput& input,
                                              const v1::IndicatorRules& rules,
                                              const Completion& completion,
                                              absl::string_view reason_code) {
  const bool penalized = reason_code == reason::kOverCompletionPenalized;
  if (!penalized && reason_code != reason::kOverCompletionFlagged) return std::nullopt;
  const v1::OverCompletionRule& over = rules.over_completion();
  std::string message = absl::StrCat(Label(*input.indicator), " was completed at ",
                                     FormatPercent(completion.rate_percent.value_or(0)), ", above ",
                                     FormatPercent(over.threshold_percent()));
  if (penalized) {
    absl::StrAppend(&message, ": the target was set too low; it loses ",
                    FormatShare(over.penalty_fraction()), " of its weight");
    return MakeFinding(finding::kOverCompletionPenalized, v1::SEVERITY_INFO, input.field_path,
                       std::move(message));
  }
  absl::StrAppend(&message, ": the target may have been set too low");
  return MakeFinding(finding::kOverCompletionFlagged, v1::SEVERITY_WARNING, input.field_path,
                     std::move(message));
}

// Reports cap completion at 100%: a printed 100 against an actual above the
// target is not a contradiction.
std::optional<v1::Finding> StatedCompletionFlag(const IndicatorInput& input,
                                                const Completion& completion) {
  const v1::Indicator& indicator = *input.indicator;
  if (completion.basis != CompletionBasis::kNumbers ||
      completion.direction != Direction::kPositive || !completion.rate_percent.has_value()) {
    return std::nullopt;
  }
  absl::string_view text = absl::StripAsciiWhitespace(indicator.stated_completion_percent());
  absl::ConsumeSuffix(&text, "%");
  absl::StatusOr<stated_percent::StatedPercent> printed = stated_percent::Parse(text);
  if (!printed.ok()) return std::nullopt;
  const double rate = *completion.rate_percent;
  if ((printed->value == 100 && rate >= 100) || stated_percent::Matches(*printed, rate)) {
    return std::nullopt;
  }
  return MakeFinding(
      finding::kStatedCompletionMismatch, v1::SEVERITY_INFO,
      absl::StrCat(input.field_path, ".stated_completion_percent"),
      absl::StrCat(Label(indicator), ": stated completion ", FormatPercent(printed->value),
                   ", but actual / target is ", FormatPercent(rate)));
}

}  // namespace

std::vector<v1::Finding> IndicatorFlags(const IndicatorInput& input,
                                        const v1::IndicatorRules& rules,
                                        const Completion& completion, absl::string_view reason_code,
                                        absl::string_view rule) {
  std::vector<v1::Finding> flags;
  for (std::optional<v1::Finding> flag : {ValueFlag(input, completion, rule),
                                          OverCompletionFlag(input, rules, completion, reason_code),
                                          StatedCompletionFlag(input, completion)}) {
    if (flag.has_value()) flags.push_back(*std::move(flag));
  }
  return flags;
}

}  // namespace jixiao::scoring
