#pragma once

// How far an indicator got towards its target, before any rule turns that into
// points. Decides what can be compared and how; never guesses: values that
// cannot be compared are reported as such, with the reason.

#include <optional>
#include <string>

#include "jixiao/v1/indicator.pb.h"
#include "jixiao/v1/value.pb.h"

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

struct Completion {
  CompletionBasis basis = CompletionBasis::kMissingActual;
  Direction direction = Direction::kPositive;
  v1::ParsedValue target;
  v1::ParsedValue actual;
  // kNumbers with kPositive or kReverse: actual / target × 100; the stated bases:
  // the stated completion.
  std::optional<double> rate_percent;
  // kDeadline, kAtLeast and kAtMost: whether the target is met.
  bool met = false;
  // Why numbers were not compared, in Chinese, for the explanation ("单位不同：家 与 人").
  std::string not_comparable_reason;
};

Completion AssessCompletion(const v1::Indicator& indicator);

// True for a satisfaction indicator (level 1 "3" or level 2 "31").
bool IsSatisfactionIndicator(const v1::Indicator& indicator);

}  // namespace jixiao::scoring
