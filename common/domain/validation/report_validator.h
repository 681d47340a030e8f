#pragma once

// Structural validation of reports and target tables: required fields, codes,
// years, non-negative money, weights and scores within range. A report with any
// violation is refused whole; consistency between figures is a separate, softer
// check (consistency_checker.h).

#include <string>

#include "common/domain/validation/field_violation.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/target_table.pb.h"

namespace jixiao::validation {

// Fiscal years jixiao accepts: performance budgeting reports exist from 2000 on.
inline constexpr int kMinFiscalYear = 2000;
inline constexpr int kMaxFiscalYear = 2100;
// How far back an external evaluation's period may start: 再评价 look back over
// a programme's years, none over more than ten.
inline constexpr int kMaxEvaluationPeriodYears = 10;

FieldViolations ValidateReport(const jixiao::v1::EvaluationReport& report);
FieldViolations ValidateTargetTable(const jixiao::v1::ProjectTargetTable& table);

}  // namespace jixiao::validation
