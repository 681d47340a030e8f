#pragma once

// Self-score verification: the report's declared points against the recomputed
// ones, line by line, per group and in total, and the declared figures against
// each other. Every difference of at least one rounding unit (0.01) is a finding.

#include "absl/strings/string_view.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/scorecard.pb.h"
#include "services/scoring/engine/checks/findings.h"
#include "services/scoring/engine/report_index.h"

namespace jixiao::scoring {

// Finding codes (REASON_CODES.md) raised by the verification of declared scores.
namespace finding {
inline constexpr absl::string_view kDeclaredAboveRecomputed = "DECLARED_ABOVE_RECOMPUTED";
inline constexpr absl::string_view kDeclaredBelowRecomputed = "DECLARED_BELOW_RECOMPUTED";
inline constexpr absl::string_view kDeclaredGradeMismatch = "DECLARED_GRADE_MISMATCH";
inline constexpr absl::string_view kDeclaredSumMismatch = "DECLARED_SUM_MISMATCH";
}  // namespace finding

// `card` must be fully assembled (lines, totals, grade, declared figures);
// `index` is the report's. The findings are appended to `findings` (which may
// be the card's own).
void VerifyDeclaredScores(const v1::ScoreCard& card, const v1::EvaluationReport& report,
                          const ReportIndex& index, int decimals, Findings& findings);

}  // namespace jixiao::scoring
