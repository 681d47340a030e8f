#pragma once

// One indicator → its points, under the item's indicator rules: how far it got
// (completion.h), what the rules make of that (the verdict), and what it tells
// the inflation signals. Numbers only; indicator_explanation.h words them.

#include <optional>

#include "absl/strings/string_view.h"
#include "common/domain/stated_percent/stated_percent.h"
#include "jixiao/v1/scheme.pb.h"
#include "jixiao/v1/scorecard.pb.h"
#include "services/scoring/engine/indicators/completion.h"
#include "services/scoring/engine/indicators/indicator_reasons.h"
#include "services/scoring/engine/indicators/indicator_selection.h"
#include "services/scoring/engine/indicators/measured_value.h"

namespace jixiao::scoring {

// Which sentence justifies the verdict's share (see AppendVerdictDetail).
enum class VerdictDetail {
  kOverCompletionPenalty,
  kStepBand,
  kCurveLinear,  // a curve of points, read between two of them
  kMet,
  kBelow60,
  kAbove60Linear,
  kPartial,
  kReverseMet,
  kReversePartial,
  kReverseFailed,
  kBound,  // a target of 0 or below: met or not
  kSatisfactionBand,
  kQualitativeAchieved,
  kQualitativePartial,
  kQualitativeNotAchieved,
  kDeadline,
  kMissingDeclared,  // the missing-value policy took the declared score
  kMissingZeroed,
};

// The rule's decision: a share of the weight, and why.
struct Verdict {
  double fraction = 0;
  IndicatorReason reason;
  absl::string_view rule;  // "proportional", "over_completion_penalty", …
  v1::Provenance provenance = v1::PROVENANCE_RECOMPUTED;
  VerdictDetail detail = VerdictDetail::kMissingZeroed;
  // Above a FLAG rule's threshold: the score stands, the explanation says so.
  bool flagged = false;
  // The curve's share before any over-completion penalty.
  double curve_fraction = 0;
  // The curve point reached (a step, or the start of the line the rate lies
  // on); null below the first point.
  const v1::CurvePoint* step = nullptr;
  // A line's end point; null for steps and beyond the last point.
  const v1::CurvePoint* step_to = nullptr;
};

// What the indicator contributes to the inflation signals.
struct IndicatorOutcome {
  // Completion from numbers (or a stated rate standing in for them), more is better.
  bool quantitative = false;
  std::optional<double> rate_percent;
  // The completion the report prints, else the computed one: for "every
  // indicator at exactly 100%".
  std::optional<double> reported_percent;
};

struct IndicatorScore {
  const SelectedIndicator* selected = nullptr;
  // Points the indicator is worth within its item (its share of the item's max).
  double weight = 0;
  // The stated completion percent, parsed; nullopt when empty or unreadable.
  std::optional<stated_percent::StatedPercent> stated_completion;
  Completion completion;
  Verdict verdict;
  double points = 0;
  // The report's own score, out of `weight`, rounded.
  std::optional<double> declared_points;
  // Set when the report scores the indicator out of another weight than ours:
  // that weight, and the declared score rescaled to ours (unrounded).
  std::optional<double> declared_out_of;
  double declared_rescaled = 0;
  // The completion rate, rounded, for a positive indicator compared by numbers.
  std::optional<double> completion_percent;
  IndicatorOutcome outcome;
};

// `rules` are an item's as a prepared scheme holds them (PreparedScheme::
// IndicatorRulesFor), their curves resolved into points.
// Scores `selected` into `score` (fresh, as a list builds it in place), which
// points at it: it must outlive the score. Values parsed now are kept in `store`.
void ScoreIndicator(const SelectedIndicator& selected, double weight,
                    const v1::IndicatorRules& rules, int decimals, ParsedValueStore& store,
                    IndicatorScore& score);

}  // namespace jixiao::scoring
