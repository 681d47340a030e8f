#pragma once

// Cells that a copied table ran together with no separator: "2020" for 分值 20 |
// 得分 20, "40004000100%" for 全年预算数 4000 | 全年执行数 4000 | 执行率 100%. The
// digits alone do not say where one cell ends, so every reading that yields valid
// numbers is enumerated and one is taken only when the table's own arithmetic
// leaves exactly one: a score never above its weight, weights that add up to the
// printed total, an execution rate equal to 执行数 / 预算数. Anything else is left
// to the caller to report as a finding: a reading is never guessed.
//
// Work is bounded: runs longer than kMaxRunLength are not split at all.

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace jixiao::table_import {

inline constexpr size_t kMaxRunLength = 24;

struct WeightScore {
  std::string weight_text;
  std::string score_text;
  double weight = 0;
  double score = 0;
};

// Every reading of `run` as <weight><score>: both plain numbers (no leading zero),
// 0 ≤ score ≤ weight ≤ max_weight (a row is never worth more than the table).
std::vector<WeightScore> WeightScoreReadings(absl::string_view run, double max_weight);

// One reading per row. A row with one reading takes it; when rows have several,
// the one combination of all rows whose weights add up to one of `totals` is
// taken, if there is exactly one. Rows left with no reading or several are
// nullopt. `totals` may be empty (nothing printed to check against).
std::vector<std::optional<size_t>> ResolveReadings(
    const std::vector<std::vector<WeightScore>>& rows, const std::vector<double>& totals);

// Every way to cut `digits` into `parts` plain, non-zero numbers. A zero cannot
// be told from a trailing zero of its neighbour, so no reading needs one.
std::vector<std::vector<std::string>> NonZeroSplits(absl::string_view digits, int parts);

// The columns of a budget row whose cells ran together: amounts, then the printed
// execution rate (its number, followed by '%'), then optional trailing scores.
enum class BudgetColumn { kInitial, kAdjusted, kFinal, kWeight, kRate, kScore };

struct BudgetReading {
  std::vector<BudgetColumn> columns;
  std::vector<std::string> cells;  // parallel to columns

  std::optional<std::string> Cell(BudgetColumn column) const;
};

// Every reading of `run` ("40004000100%", "303010100%", "880880100%10") under any
// of `layouts` in which the rate equals final / adjusted within its rounding, the
// score (if any) is at most the weight, and the weight at most `max_weight`.
// A layout must hold kAdjusted, kFinal and kRate.
std::vector<BudgetReading> BudgetReadings(absl::string_view run,
                                          const std::vector<std::vector<BudgetColumn>>& layouts,
                                          double max_weight);

}  // namespace jixiao::table_import
