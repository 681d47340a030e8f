#pragma once

// The result of scoring one scheme item, and what every item scorer shares.

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "jixiao/v1/finding.pb.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/scheme.pb.h"
#include "jixiao/v1/scorecard.pb.h"
#include "services/scoring/engine/indicator_scoring.h"

namespace jixiao::scoring {

struct ScoringContext {
  const v1::EvaluationReport& report;
  const v1::Scheme& scheme;
  int decimals = 2;
};

struct ItemScore {
  v1::ScoreLine line;
  std::vector<v1::Finding> findings;
  // One per indicator scored, for the inflation signals.
  std::vector<IndicatorOutcome> outcomes;
  // The execution rate a budget-execution item used, for the signals.
  std::optional<double> execution_rate_percent;
  // Neither inputs nor a declared score: the scorecard is incomplete.
  bool missing = false;
  // Why, in Chinese, for ScoreCard.missing.
  std::string missing_note;
};

// A line with the item's code, name and max, and the report's declared points
// for it when the report declares them.
v1::ScoreLine StartItemLine(const ScoringContext& context, const v1::SchemeItem& item);

// For an item that cannot be recomputed: the report's declared score for it
// (DECLARED, with `declared_reason`), else a MISSING line. `why` says in Chinese
// why it was not recomputed.
ItemScore DeclaredOrMissing(const ScoringContext& context, const v1::SchemeItem& item,
                            absl::string_view declared_reason, const std::string& why);

// Points taken from the report: clamped to 0..max, with a finding when the report
// claims more than the maximum.
double ClampDeclared(const ScoringContext& context, const v1::SchemeItem& item, double declared,
                     const std::string& field_path, std::vector<v1::Finding>& findings);

}  // namespace jixiao::scoring
