#pragma once

// How far an indicator got towards its target, before any rule turns that into
// points. Decides what can be compared and how; never guesses: values that
// cannot be compared are reported as such, with the reason.

#include <optional>
#include <string>

#include "common/domain/stated_percent/stated_percent.h"
#include "jixiao/v1/indicator.pb.h"
#include "jixiao/v1/value.pb.h"
#include "services/scoring/engine/indicators/measured_value.h"

namespace jixiao::scoring {

enum class CompletionBasis {
  // Target and actual are comparable quantities.
  kNumbers,
  // Target and actual are dates: met when the actual date is on or before the deadline.
  kDeadline,
  // The numbers cannot be compared (units differ, the actual is text); the
  // report's stated completion rate stands in for actual / target.
  kStatedQuantity,
  // A qualitative indicator (or a deadline reported in words), judged by the
  // report's stated completion: ≥ 100 achieved, above 0 partly, 0 not achieved.
  kStatedQualitative,
  // No stated completion, and the actual's words say whether the target was met
  // ("达成预期指标", "未完成"), or the actual restates a qualitative target word for
  // word ("合格" against "合格"): Completion::judgement.
  kJudged,
  // No actual value.
  kMissingActual,
  // An actual value that cannot be compared with the target, and no stated completion.
  kNotComparable,
};

enum class Direction {
  // More is better (GE, GT, EQ, APPROX targets above 0): rate = actual / target.
  kPositive,
  // Less is better (LE, LT targets, Indicator.reverse, costs and durations):
  // full at or below the target, falling linearly to 0 at twice the target.
  kReverse,
  // A target of 0 or below, where a ratio means nothing: met or not.
  // "与上年持平" (growth ≥ 0) against "增长 5%" is met.
  kAtLeast,
  kAtMost,
};

// Why the values were not compared as numbers (kStatedQuantity,
// kStatedQualitative, kNotComparable); NotComparableReason says it in words.
enum class NotComparable {
  kNo,
  // Both quantities, in different units.
  kUnitsDiffer,
  // A quantity target against an actual that is not a quantity.
  kActualNotQuantity,
  // A qualitative, deadline-in-words or absent target.
  kKindsDiffer,
  // A qualitative actual whose words the vocabulary does not know (a sentence, or a
  // phrase not listed): never judged by guessing.
  kUnknownWords,
};

// How a kJudged completion was judged.
enum class JudgedBy {
  // The actual's words, read against the vocabulary (qualitative_words.txt).
  kVocabulary,
  // The actual says word for word what the qualitative target asked for.
  kRestatesTarget,
};

// How a quantity actual was brought into its target's terms for kNumbers.
enum class ActualUnit {
  // As printed: same unit (or the target has none).
  kAsPrinted,
  // A bare number took the target's unit and magnitude: 「90」 against 「≤90万元」 is
  // 90 万元.
  kInherited,
  // Converted from a unit of the same measure: 「1.2公里」 against 「≥1000米」.
  kConverted,
};

struct Completion {
  CompletionBasis basis = CompletionBasis::kMissingActual;
  Direction direction = Direction::kPositive;
  // The values compared: the report's own parsed values, or parsed now. For
  // kNumbers the actual is in the target's unit (see actual_unit).
  const v1::ParsedValue* target = nullptr;
  const v1::ParsedValue* actual = nullptr;
  ActualUnit actual_unit = ActualUnit::kAsPrinted;
  // The actual as the report prints it, for quoting words the vocabulary does not know.
  const v1::MeasuredValue* printed_actual = nullptr;
  // kNumbers with kPositive or kReverse: actual / target × 100; the stated bases:
  // the stated completion.
  std::optional<double> rate_percent;
  // kDeadline, kAtLeast and kAtMost: whether the target is met.
  bool met = false;
  NotComparable not_comparable = NotComparable::kNo;
  // kJudged: what the words say, and how they were read.
  v1::Judgement judgement = v1::JUDGEMENT_UNSPECIFIED;
  JudgedBy judged_by = JudgedBy::kVocabulary;
};

// `stated`: the indicator's stated completion percent, parsed (ParseStatedPercent).
// Values parsed now, and actuals brought into their target's unit, are kept in
// `store`. Where the values cannot be compared as numbers or dates, the stated
// completion comes first; without one, a qualitative actual is judged by its words.
Completion AssessCompletion(const v1::Indicator& indicator,
                            const std::optional<stated_percent::StatedPercent>& stated,
                            ParsedValueStore& store);

// In Chinese, for the explanation: "单位不同：目标为「家」，实际为「人」";
// empty for NotComparable::kNo.
void AppendNotComparableReason(const Completion& completion, std::string& out);

// True for a satisfaction indicator (level 1 "3" or level 2 "31").
bool IsSatisfactionIndicator(const v1::Indicator& indicator);

}  // namespace jixiao::scoring
