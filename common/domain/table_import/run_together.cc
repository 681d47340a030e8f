#include "common/domain/table_import/run_together.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "absl/strings/numbers.h"
#include "common/domain/stated_percent/stated_percent.h"
#include "common/domain/table_import/table_words.h"

namespace jixiao::table_import {
namespace {

// Sums are compared in hundredths of a point: weights print with at most two decimals.
int64_t Hundredths(double points) { return std::llround(points * 100); }

void Splits(absl::string_view digits, int parts, std::vector<std::string>& current,
            std::vector<std::vector<std::string>>& out) {
  if (parts == 1) {
    const auto value = ParsePlainNumber(digits);
    if (value.has_value() && *value > 0) {
      current.emplace_back(digits);
      out.push_back(current);
      current.pop_back();
    }
    return;
  }
  for (size_t len = 1; len + static_cast<size_t>(parts - 1) <= digits.size(); ++len) {
    const absl::string_view head = digits.substr(0, len);
    const auto value = ParsePlainNumber(head);
    if (!value.has_value() || *value <= 0) continue;
    current.emplace_back(head);
    Splits(digits.substr(len), parts - 1, current, out);
    current.pop_back();
  }
}

}  // namespace

std::vector<WeightScore> WeightScoreReadings(absl::string_view run, double max_weight) {
  std::vector<WeightScore> readings;
  if (run.size() > kMaxRunLength) return readings;
  for (size_t len = 1; len < run.size(); ++len) {
    const auto weight = ParsePlainNumber(run.substr(0, len));
    const auto score = ParsePlainNumber(run.substr(len));
    if (!weight.has_value() || !score.has_value()) continue;
    if (*score > *weight || *weight > max_weight || *weight <= 0) continue;
    readings.push_back(
        {std::string(run.substr(0, len)), std::string(run.substr(len)), *weight, *score});
  }
  return readings;
}

std::vector<std::optional<size_t>> ResolveReadings(
    const std::vector<std::vector<WeightScore>>& rows, const std::vector<double>& totals) {
  std::vector<std::optional<size_t>> chosen(rows.size());
  bool all_single = true;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].size() == 1) chosen[i] = 0;
    if (rows[i].size() > 1) all_single = false;
  }
  if (all_single || totals.empty()) return chosen;
  // The sums reached grow with the rows in doubt, up to every combination of their
  // readings; past a table's size the readings are left undecided rather than
  // searched at length. Bounding the rows alone is not enough: 64 rows of two
  // readings with weights of two decimals reach hundreds of thousands of sums, seconds
  // of work for a 2 KB text. A real table has a few rows in doubt and a few sums.
  constexpr size_t kMaxRowsInDoubt = 64;
  constexpr size_t kMaxSums = 1024;
  const auto in_doubt =
      std::count_if(rows.begin(), rows.end(), [](const auto& r) { return r.size() > 1; });
  if (static_cast<size_t>(in_doubt) > kMaxRowsInDoubt) return chosen;

  // Counts, per row, the combinations of the rows before it reaching each weight
  // sum (capped at 2: only "one" or "more than one" matters). Rows with no
  // reading are findings already and add nothing.
  std::vector<std::map<int64_t, int>> reach(rows.size() + 1);
  reach[0][0] = 1;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].empty()) {
      reach[i + 1] = reach[i];
      continue;
    }
    for (const auto& [sum, count] : reach[i]) {
      for (const WeightScore& r : rows[i]) {
        int& next = reach[i + 1][sum + Hundredths(r.weight)];
        next = std::min(2, next + count);
      }
    }
    if (reach[i + 1].size() > kMaxSums) return chosen;
  }
  int matches = 0;
  int64_t target = 0;
  for (double total : totals) {
    const auto it = reach[rows.size()].find(Hundredths(total));
    if (it != reach[rows.size()].end()) {
      matches += it->second;
      target = it->first;
    }
  }
  if (matches != 1) return chosen;
  for (size_t i = rows.size(); i-- > 0;) {
    if (rows[i].empty()) continue;
    for (size_t c = 0; c < rows[i].size(); ++c) {
      const int64_t before = target - Hundredths(rows[i][c].weight);
      if (reach[i].count(before) > 0) {
        chosen[i] = c;
        target = before;
        break;
      }
    }
  }
  return chosen;
}

std::vector<std::vector<std::string>> NonZeroSplits(absl::string_view digits, int parts) {
  std::vector<std::vector<std::string>> out;
  if (digits.size() > kMaxRunLength || parts < 1) return out;
  std::vector<std::string> current;
  Splits(digits, parts, current, out);
  return out;
}

std::optional<std::string> BudgetReading::Cell(BudgetColumn column) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == column) return cells[i];
  }
  return std::nullopt;
}

std::vector<BudgetReading> BudgetReadings(absl::string_view run,
                                          const std::vector<std::vector<BudgetColumn>>& layouts,
                                          double max_weight) {
  std::vector<BudgetReading> readings;
  const size_t percent = run.find('%');
  if (percent == absl::string_view::npos || run.size() > kMaxRunLength) return readings;
  const absl::string_view before = run.substr(0, percent);
  const absl::string_view after = run.substr(percent + 1);
  for (const auto& layout : layouts) {
    const bool has_score =
        std::find(layout.begin(), layout.end(), BudgetColumn::kScore) != layout.end();
    if (has_score != !after.empty()) continue;
    const int leading = static_cast<int>(layout.size()) - (has_score ? 1 : 0);
    for (auto& cells : NonZeroSplits(before, leading)) {
      if (has_score) cells.emplace_back(after);
      BudgetReading reading{layout, cells};
      const auto adjusted = ParsePlainNumber(*reading.Cell(BudgetColumn::kAdjusted));
      const auto final_amount = ParsePlainNumber(*reading.Cell(BudgetColumn::kFinal));
      const auto rate = stated_percent::Parse(*reading.Cell(BudgetColumn::kRate));
      if (!adjusted || !final_amount || !rate.ok()) continue;
      if (!stated_percent::Matches(*rate, 100 * *final_amount / *adjusted)) continue;
      const auto weight = reading.Cell(BudgetColumn::kWeight);
      const auto score = reading.Cell(BudgetColumn::kScore);
      if (weight.has_value() && *ParsePlainNumber(*weight) > max_weight) continue;
      if (score.has_value()) {
        const auto s = ParsePlainNumber(*score);
        if (!s.has_value() || (weight.has_value() && *s > *ParsePlainNumber(*weight))) continue;
      }
      readings.push_back(std::move(reading));
    }
  }
  return readings;
}

}  // namespace jixiao::table_import
