#pragma once
// The budget-credibility lens of a cohort's departments, from their rows of
// the year asked and of the two years before: how far spending followed the
// budget (execution, adjustment, aggregate outturn graded in the PEFA PI-1
// style, aggregate_outturn.h), beside what the self-evaluation claims
// (declared vs recomputed, and the "claimed performance outruns spending"
// signal the scoring engine computes, inflation_signals in scorecard.proto).
#include <vector>

#include "absl/types/span.h"
#include "jixiao/v1/query_service.pb.h"

namespace jixiao::query {

// One entry per row of `current`, in its order. `earlier` holds rows of any
// earlier years (matched to `current` by department code and fiscal year).
std::vector<jixiao::v1::DepartmentCredibility> AssessCredibility(
    absl::Span<const jixiao::v1::ComparisonRow> current,
    absl::Span<const jixiao::v1::ComparisonRow> earlier, int fiscal_year);

}  // namespace jixiao::query
