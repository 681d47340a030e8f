#include "services/query/logic/comparison_row.h"

#include <algorithm>

namespace jixiao::query {

std::optional<double> BudgetExecutionPercent(const jixiao::v1::ScoreCard& card) {
  // has_*: an unprinted figure is absent, and must not read as 0 fen.
  if (!card.has_budget_final() || !card.has_budget_adjusted()) return std::nullopt;
  const int64_t adjusted = card.budget_adjusted().fen();
  if (adjusted == 0) return std::nullopt;
  return static_cast<double>(card.budget_final().fen()) / static_cast<double>(adjusted) * 100.0;
}

std::optional<double> BudgetAdjustmentPercent(const jixiao::v1::ScoreCard& card) {
  if (!card.has_budget_adjusted() || !card.has_budget_initial()) return std::nullopt;
  const int64_t initial = card.budget_initial().fen();
  if (initial == 0) return std::nullopt;
  // The difference is taken in whole fen first, so it is exact before dividing.
  return static_cast<double>(card.budget_adjusted().fen() - initial) /
         static_cast<double>(initial) * 100.0;
}

std::optional<double> BudgetOutturnPercent(const jixiao::v1::ScoreCard& card) {
  if (!card.has_budget_final() || !card.has_budget_initial()) return std::nullopt;
  const int64_t initial = card.budget_initial().fen();
  if (initial == 0) return std::nullopt;
  return static_cast<double>(card.budget_final().fen()) / static_cast<double>(initial) * 100.0;
}

namespace {

bool HasMissingLine(const google::protobuf::RepeatedPtrField<jixiao::v1::ScoreLine>& lines) {
  for (const jixiao::v1::ScoreLine& line : lines) {
    if (line.provenance() == jixiao::v1::PROVENANCE_MISSING || HasMissingLine(line.sub_lines())) {
      return true;
    }
  }
  return false;
}

// Every line of the group is missing: neither inputs nor a declared score.
bool IsUnscored(const jixiao::v1::ScoreGroup& group) {
  if (group.lines().empty()) return false;
  for (const jixiao::v1::ScoreLine& line : group.lines()) {
    if (line.provenance() != jixiao::v1::PROVENANCE_MISSING) return false;
  }
  return true;
}

}  // namespace

jixiao::v1::ComparisonRow MakeComparisonRow(const jixiao::v1::ScoreCard& card) {
  jixiao::v1::ComparisonRow row;
  if (card.has_department()) *row.mutable_department() = card.department();
  row.set_fiscal_year(card.fiscal_year());
  row.set_report_id(card.report().report_id());
  row.set_report_version(card.report().version());
  row.set_total(card.total());
  row.set_max(card.max());
  // Group codes are unique within a scheme (its validator checks them). A group
  // that could not be scored at all is left out rather than shown as 0 points;
  // `missing` says why.
  for (const jixiao::v1::ScoreGroup& group : card.groups()) {
    if (IsUnscored(group)) continue;
    (*row.mutable_group_points())[group.code()] = group.points();
    (*row.mutable_group_max())[group.code()] = group.max();
    if (HasMissingLine(group.lines())) row.add_incomplete_groups(group.code());
  }
  std::sort(row.mutable_incomplete_groups()->begin(), row.mutable_incomplete_groups()->end());
  row.set_grade(card.grade());
  row.set_colour(card.colour());
  if (card.has_declared_total()) row.set_declared_total(card.declared_total());
  row.set_declared_grade(card.declared_grade());
  row.set_declared_scheme(card.declared_scheme());
  if (std::optional<double> execution = BudgetExecutionPercent(card)) {
    row.set_budget_execution_percent(*execution);
  }
  if (std::optional<double> adjustment = BudgetAdjustmentPercent(card)) {
    row.set_budget_adjustment_percent(*adjustment);
  }
  if (std::optional<double> outturn = BudgetOutturnPercent(card)) {
    row.set_budget_outturn_percent(*outturn);
  }
  if (card.has_signals()) *row.mutable_signals() = card.signals();
  row.set_complete(card.complete());
  *row.mutable_missing() = card.missing();
  row.set_recomputed_share(card.recomputed_share());
  return row;
}

}  // namespace jixiao::query
