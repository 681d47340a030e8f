#pragma once

// Which variant of a scheme a report is scored under.

#include "absl/strings/string_view.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/scheme.pb.h"
#include "services/scoring/engine/report_index.h"

namespace jixiao::scoring {

// Whether a variant condition (see scheme/variant_conditions.h) holds for the report.
bool VariantConditionHolds(absl::string_view condition, const v1::EvaluationReport& report,
                           const ReportIndex& index);

// The first variant, in file order, whose condition holds; null for the base groups.
const v1::SchemeVariant* SelectVariant(const v1::Scheme& scheme, const v1::EvaluationReport& report,
                                       const ReportIndex& index);

}  // namespace jixiao::scoring
