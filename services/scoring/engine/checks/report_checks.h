#pragma once

// Checks of the report against the scheme it is scored under, beyond the lines
// themselves: weights the report prints that differ from the scheme's, key-task
// scores that disagree with the items they make up, indicators no item takes,
// items the report assesses under codes the scheme does not know.

#include "absl/strings/string_view.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/scorecard.pb.h"
#include "services/scoring/engine/checks/findings.h"
#include "services/scoring/engine/indicators/indicator_assignment.h"
#include "services/scoring/engine/report_index.h"
#include "services/scoring/scheme/prepared_scheme.h"

namespace jixiao::scoring {

// Finding codes (REASON_CODES.md) raised by the report checks.
namespace finding {
inline constexpr absl::string_view kDeclaredWeightDiffers = "DECLARED_WEIGHT_DIFFERS";
inline constexpr absl::string_view kIndicatorNotScored = "INDICATOR_NOT_SCORED";
inline constexpr absl::string_view kKeyTaskScoresMismatch = "KEY_TASK_SCORES_MISMATCH";
inline constexpr absl::string_view kUnknownItemCode = "UNKNOWN_ITEM_CODE";
}  // namespace finding

// `card`: the report's scorecard under `effective`, with its lines; `index`: the report's.
void CheckReportAgainstScheme(const v1::EvaluationReport& report, const ReportIndex& index,
                              const PreparedScheme& scheme, const EffectiveScheme& effective,
                              const IndicatorAssignment& assignment, const v1::ScoreCard& card,
                              int decimals, Findings& findings);

}  // namespace jixiao::scoring
