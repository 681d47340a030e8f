#include "services/scoring/engine/indicators/completion.h"

#include <cmath>
#include <memory>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "common/domain/target_value/qualitative_vocabulary.h"
#include "common/domain/target_value/unit_conversion.h"
#include "services/scoring/engine/explanation/explanation_text.h"

namespace jixiao::scoring {
namespace {

bool HasNoValue(const v1::ParsedValue& value) {
  return value.kind() == v1::VALUE_KIND_ABSENT || value.kind() == v1::VALUE_KIND_UNSPECIFIED;
}

// A number with no unit and no multiplier: "90", "实际完成为 0".
bool IsBare(const v1::ParsedValue& value) { return value.unit().empty() && value.magnitude() == 0; }

v1::ParsedValue& Keep(v1::ParsedValue value, ParsedValueStore& store) {
  store.push_back(std::make_unique<v1::ParsedValue>(std::move(value)));
  return *store.back();
}

// Brings a quantity actual into its target's terms, or returns false when the units
// cannot be reconciled. A number without a unit takes the target's unit, and a bare
// number its magnitude too: tables print 「90」 in a column whose target is 「≤90万元」.
// Units of one measure are converted (公里 → 米); others (家 and 人) are not comparable.
bool ReconcileUnits(ParsedValueStore& store, Completion& completion) {
  const v1::ParsedValue& target = *completion.target;
  const v1::ParsedValue& actual = *completion.actual;
  if (target.unit() == actual.unit() && (target.magnitude() == 0 || !IsBare(actual))) return true;
  if (target.unit().empty() && target.magnitude() == 0) return true;  // the target says nothing
  if (actual.unit().empty()) {
    v1::ParsedValue inherited = actual;
    inherited.set_unit(target.unit());
    if (IsBare(actual)) {
      inherited.set_number(actual.number() * std::pow(10.0, target.magnitude()));
      inherited.set_magnitude(target.magnitude());
    }
    completion.actual = &Keep(std::move(inherited), store);
    completion.actual_unit = ActualUnit::kInherited;
    return true;
  }
  if (target.unit().empty()) return true;  // "超500万" against "520万元": both in base units
  const std::optional<double> factor =
      target_value::UnitConversionFactor(actual.unit(), target.unit());
  if (!factor.has_value()) return false;
  v1::ParsedValue converted = actual;
  converted.set_number(actual.number() * *factor);
  converted.set_unit(target.unit());
  completion.actual = &Keep(std::move(converted), store);
  completion.actual_unit = ActualUnit::kConverted;
  return true;
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

// A target that asks for none ("无", "否": 是否发生安全事故): an actual's words say
// whether something happened, not whether the target was met, so they are not read.
bool AsksForNone(const v1::Indicator& indicator) {
  return target_value::JudgePhrase(target_value::BuiltInVocabulary(), indicator.target().text()) ==
         v1::JUDGEMENT_NOT_ACHIEVED;
}

bool RestatesTarget(const v1::Indicator& indicator) {
  const std::string target = target_value::NormalizePhrase(indicator.target().text());
  return !target.empty() && target == target_value::NormalizePhrase(indicator.actual().text());
}

// A qualitative actual that restates a qualitative target, or whose words the
// vocabulary knows, judges the indicator; returns false when it does not.
bool JudgeByWords(const v1::Indicator& indicator, Completion& completion) {
  const v1::ParsedValue& target = *completion.target;
  const v1::ParsedValue& actual = *completion.actual;
  if (actual.kind() != v1::VALUE_KIND_QUALITATIVE) return false;
  if (target.kind() == v1::VALUE_KIND_QUALITATIVE && RestatesTarget(indicator)) {
    completion.basis = CompletionBasis::kJudged;
    completion.judgement = v1::JUDGEMENT_ACHIEVED;
    completion.judged_by = JudgedBy::kRestatesTarget;
    return true;
  }
  if (actual.judgement() == v1::JUDGEMENT_UNSPECIFIED || AsksForNone(indicator)) return false;
  completion.basis = CompletionBasis::kJudged;
  completion.judgement = actual.judgement();
  completion.judged_by = JudgedBy::kVocabulary;
  return true;
}

// Without a stated completion: the actual's words, else not comparable, and why.
void JudgeOrRefuse(const v1::Indicator& indicator, NotComparable otherwise,
                   Completion& completion) {
  if (JudgeByWords(indicator, completion)) return;
  completion.basis = CompletionBasis::kNotComparable;
  const bool unknown_words = completion.actual->kind() == v1::VALUE_KIND_QUALITATIVE &&
                             completion.actual->judgement() == v1::JUDGEMENT_UNSPECIFIED;
  completion.not_comparable = unknown_words ? NotComparable::kUnknownWords : otherwise;
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
  completion.printed_actual = &indicator.actual();
  completion.target = &ReadValue(indicator.target(), store);
  completion.actual = &ReadValue(indicator.actual(), store);
  const v1::ParsedValue& target = *completion.target;
  const v1::ParsedValue& actual = *completion.actual;

  if (HasNoValue(actual)) {
    completion.basis = CompletionBasis::kMissingActual;
    return completion;
  }
  if (target.kind() == v1::VALUE_KIND_QUANTITY && actual.kind() == v1::VALUE_KIND_QUANTITY) {
    if (ReconcileUnits(store, completion)) {
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
  // The report's own completion first, as printed; the actual's words without one.
  if (target.kind() == v1::VALUE_KIND_QUANTITY) {
    if (stated.has_value()) {
      completion.not_comparable = NotComparable::kActualNotQuantity;
      UseStated(stated, CompletionBasis::kStatedQuantity, completion);
    } else {
      JudgeOrRefuse(indicator, NotComparable::kActualNotQuantity, completion);
    }
    return completion;
  }
  // Qualitative, deadline-in-words or absent targets.
  if (stated.has_value()) {
    completion.not_comparable = NotComparable::kKindsDiffer;
    UseStated(stated, CompletionBasis::kStatedQualitative, completion);
  } else {
    JudgeOrRefuse(indicator, NotComparable::kKindsDiffer, completion);
  }
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
    case NotComparable::kUnknownWords:
      AppendText(out, "实际「",
                 absl::StripAsciiWhitespace(completion.printed_actual == nullptr
                                                ? absl::string_view()
                                                : completion.printed_actual->text()),
                 "」的用语不在定性词表中，无法判断是否达成");
      return;
  }
}

}  // namespace jixiao::scoring
