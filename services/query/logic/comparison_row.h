#pragma once
// One department's line in a comparison, taken from its scorecard: the
// recomputed score beside the declared one, points per group, and the budget
// ratios computed from the exact figures the card copies from the report.
#include <optional>

#include "jixiao/v1/query_service.pb.h"
#include "jixiao/v1/scorecard.pb.h"

namespace jixiao::query {

// The row of `card`, rank 0 (RankRows sets ranks).
jixiao::v1::ComparisonRow MakeComparisonRow(const jixiao::v1::ScoreCard& card);

// budget_final / budget_adjusted × 100; nullopt unless both figures are
// printed and the adjusted budget is not zero.
std::optional<double> BudgetExecutionPercent(const jixiao::v1::ScoreCard& card);

// (budget_adjusted − budget_initial) / budget_initial × 100; nullopt unless
// both figures are printed and the initial budget is not zero.
std::optional<double> BudgetAdjustmentPercent(const jixiao::v1::ScoreCard& card);

// budget_final / budget_initial × 100, the aggregate outturn of PEFA PI-1
// (aggregate_outturn.h); nullopt unless both figures are printed and the
// initial budget is not zero.
std::optional<double> BudgetOutturnPercent(const jixiao::v1::ScoreCard& card);

}  // namespace jixiao::query
