#pragma once

// Consistency checks: do the figures a report prints agree with each other?
// Disagreements are coded warnings (docs/findings.md); the report is still
// accepted, because the published document is what it is.

#include <vector>

#include "jixiao/v1/finding.pb.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/target_table.pb.h"

namespace jixiao::validation {

// Parts printed in 万元 with two decimals may each be off by half a unit
// (0.005 万元 = 5,000 分) from the exact figure; a sum of n parts may be off by n
// such halves (the 2024 target table: 24 projects add up to 6,087.41 against a
// printed 合计 of 6,087.40).
inline constexpr int64_t kRoundingFenPerPart = 5'000;

std::vector<jixiao::v1::Finding> CheckReportConsistency(const jixiao::v1::EvaluationReport& report);
std::vector<jixiao::v1::Finding> CheckTargetTableConsistency(
    const jixiao::v1::ProjectTargetTable& table);

}  // namespace jixiao::validation
