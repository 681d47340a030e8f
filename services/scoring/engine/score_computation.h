#pragma once

// The scoring rules applied: a report and a prepared scheme in, every line's
// points, the totals, the grade and the inflation signals out, with the facts
// each figure rests on. No text: scorecard_explanation.h turns a computation
// into the explained ScoreCard, and whatever needs only the figures stops here.
// Pure: no I/O, no clock, no global state.

#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/scheme.pb.h"
#include "jixiao/v1/scorecard.pb.h"
#include "services/scoring/engine/indicators/measured_value.h"
#include "services/scoring/engine/items/group_scoring.h"
#include "services/scoring/engine/report_index.h"
#include "services/scoring/scheme/prepared_scheme.h"

namespace jixiao::scoring {

// Points into the report and the scheme it was computed from: neither may be
// changed or destroyed while the computation is in use.
struct ScoreComputation {
  ScoreComputation(const v1::EvaluationReport& scored_report,
                   const PreparedScheme& prepared_scheme);

  const v1::EvaluationReport* report;
  const PreparedScheme* scheme;
  // The variant applied (if any) and the groups it scores with.
  const EffectiveScheme* effective = nullptr;
  int decimals = 2;
  ReportIndex index;
  ParsedValueStore parsed_values;
  // The report's indicators among the variant's items, and the items' maxima
  // once absent items are settled.
  std::optional<IndicatorAssignment> assignment;
  ItemMaxima maxima;

  std::vector<GroupScore> groups;
  double total = 0;  // rounded
  double max = 0;
  // Nothing is missing; only then is there a grade.
  bool complete = false;
  const v1::GradeBand* grade = nullptr;
  double recomputed_share = 0;
  // As printed, else the sum of the declared subtotals when every group has one
  // (天河区贸促会 2023 prints 49.98 and 50, not 99.98).
  std::optional<double> declared_total;
  v1::InflationSignals signals;
};

// InvalidArgument when the scheme is for another kind of report. Missing or odd
// report data never fails: it is scored by the scheme's policies.
absl::StatusOr<ScoreComputation> ComputeScores(const v1::EvaluationReport& report,
                                               const PreparedScheme& scheme);

}  // namespace jixiao::scoring
