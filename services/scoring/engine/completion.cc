#include "services/scoring/engine/completion.h"

#include "absl/strings/string_view.h"
#include "services/scoring/engine/explanation_text.h"

namespace jixiao::scoring {
namespace {

bool HasNoValue(const v1::ParsedValue& value) {
  return value.kind() == v1::VALUE_KIND_ABSENT || value.kind() == v1::VALUE_KIND_UNSPECIFIED;
}

// A bare number ("实际完成为 0") takes the target's unit; otherwise units must agree.
bool UnitsComparable(const v1::ParsedValue& target, const v1::ParsedValue& actual) {
  return target.unit().empty() || actual.unit().empty() || target.unit() == actual.unit();
}

bool IsReverse(const v1::Indicator& indicator, const v1::ParsedValue& target) {
  return indicator.reverse() || target.comparator() == v1::COMPARATOR_LE ||
         target.comparator() == v1::COMPARATOR_LT;
}

void CompareNumbers(const v1::Indicator& indicator, Completion& completion) {
  completion.basis = CompletionBasis::kNumbers;
  const double target = completion.target->number();
  const double actual = completion.actual->number();
  const bool reverse = IsReverse(indicator, *completion.target);
  if (target <= 0) {
    // No ratio: "与上年持平" is growth ≥ 0; an EQ 0 target ("0起") is a ceiling.
    const bool at_most = reverse || completion.target->comparator() == v1::COMPARATOR_EQ;
    completion.direction = at_most ? Direction::kAtMost : Direction::kAtLeast;
    if (at_most) {
      completion.met = actual <= target;
    } else {
      completion.met =
          completion.target->comparator() == v1::COMPARATOR_GT ? actual > target : actual >= target;
    }
    return;
  }
  completion.direction = reverse ? Direction::kReverse : Direction::kPositive;
  completion.rate_percent = actual / target * 100;
}

// Falls back on the stated completion when the values say nothing comparable.
void UseStated(const std::optional<stated_percent::StatedPercent>& stated,
               CompletionBasis stated_basis, Completion& completion) {
  if (stated.has_value()) {
    completion.basis = stated_basis;
    completion.rate_percent = stated->value;
  } else {
    completion.basis = CompletionBasis::kNotComparable;
  }
}

absl::string_view KindWord(const v1::ParsedValue& value) {
  switch (value.kind()) {
    case v1::VALUE_KIND_QUANTITY:
      return "数值";
    case v1::VALUE_KIND_DEADLINE:
      return "日期";
    case v1::VALUE_KIND_QUALITATIVE:
      return "文字描述";
    default:
      return "无值";
  }
}

}  // namespace

bool IsSatisfactionIndicator(const v1::Indicator& indicator) {
  return absl::string_view(indicator.level1_code()) == "3" ||
         absl::string_view(indicator.level2_code()) == "31";
}

Completion AssessCompletion(const v1::Indicator& indicator,
                            const std::optional<stated_percent::StatedPercent>& stated,
                            ParsedValueStore& store) {
  Completion completion;
  completion.target = &ReadValue(indicator.target(), store);
  completion.actual = &ReadValue(indicator.actual(), store);
  const v1::ParsedValue& target = *completion.target;
  const v1::ParsedValue& actual = *completion.actual;

  if (HasNoValue(actual)) {
    completion.basis = CompletionBasis::kMissingActual;
    return completion;
  }
  if (target.kind() == v1::VALUE_KIND_QUANTITY && actual.kind() == v1::VALUE_KIND_QUANTITY) {
    if (UnitsComparable(target, actual)) {
      CompareNumbers(indicator, completion);
    } else {
      completion.not_comparable = NotComparable::kUnitsDiffer;
      UseStated(stated, CompletionBasis::kStatedQuantity, completion);
    }
    return completion;
  }
  if (target.kind() == v1::VALUE_KIND_DEADLINE && actual.kind() == v1::VALUE_KIND_DEADLINE) {
    completion.basis = CompletionBasis::kDeadline;
    completion.met = actual.deadline() <= target.deadline();  // ISO dates order as text
    return completion;
  }
  if (target.kind() == v1::VALUE_KIND_QUANTITY) {
    completion.not_comparable = NotComparable::kActualNotQuantity;
    UseStated(stated, CompletionBasis::kStatedQuantity, completion);
    return completion;
  }
  // Qualitative, deadline-in-words or absent targets: the report's own judgement.
  completion.not_comparable = NotComparable::kKindsDiffer;
  UseStated(stated, CompletionBasis::kStatedQualitative, completion);
  return completion;
}

void AppendNotComparableReason(const Completion& completion, std::string& out) {
  switch (completion.not_comparable) {
    case NotComparable::kNo:
      return;
    case NotComparable::kUnitsDiffer:
      AppendText(out, "单位不同：目标为「", completion.target->unit(), "」，实际为「",
                 completion.actual->unit(), "」");
      return;
    case NotComparable::kActualNotQuantity:
      AppendText(out, "目标为数值，实际为", KindWord(*completion.actual), "，无法计算完成率");
      return;
    case NotComparable::kKindsDiffer:
      AppendText(out, "目标为", KindWord(*completion.target), "，实际为",
                 KindWord(*completion.actual), "，无法直接比较");
      return;
  }
}

}  // namespace jixiao::scoring
