#pragma once

// Which variant of a scheme a report is scored under.

#include "absl/strings/string_view.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/scheme.pb.h"
#include "services/scoring/engine/report_index.h"
#include "services/scoring/scheme/prepared_scheme.h"
#include "services/scoring/scheme/variant_conditions.h"

namespace jixiao::scoring {

// Whether one predicate (see scheme/variant_conditions.h) holds for the report.
bool VariantPredicateHolds(absl::string_view predicate, const v1::EvaluationReport& report,
                           const ReportIndex& index);

// Whether a compiled condition holds.
bool VariantConditionHolds(const VariantCondition& condition, const v1::EvaluationReport& report,
                           const ReportIndex& index);

// The first variant, in file order, whose condition holds; null for the base groups.
const v1::SchemeVariant* SelectVariant(const PreparedScheme& scheme,
                                       const v1::EvaluationReport& report,
                                       const ReportIndex& index);

}  // namespace jixiao::scoring
