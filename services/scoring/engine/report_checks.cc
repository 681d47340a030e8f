#include "services/scoring/engine/report_checks.h"

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "services/scoring/engine/declared_lookup.h"
#include "services/scoring/engine/findings.h"
#include "services/scoring/engine/indicator_selection.h"
#include "services/scoring/engine/number_text.h"
#include "services/scoring/engine/reason_codes.h"
#include "services/scoring/engine/rounding.h"

namespace jixiao::scoring {
namespace {

void CheckWeight(const v1::EvaluationReport& report, const v1::SchemeItem& item, int decimals,
                 std::vector<v1::Finding>& findings) {
  std::optional<AssessedItemRef> assessed = FindAssessedItem(report, item.code());
  if (assessed.has_value() && assessed->item->weight() > 0 &&
      !SameScore(assessed->item->weight(), item.max(), decimals)) {
    findings.push_back(MakeFinding(
        finding::kDeclaredWeightDiffers, v1::SEVERITY_INFO,
        absl::StrCat(assessed->field_path, ".weight"),
        absl::StrCat(item.name(), " is worth ", FormatNumber(assessed->item->weight()),
                     " in the report but ", FormatNumber(item.max()), " in the scheme")));
  }
  for (const v1::SchemeItem& sub : item.sub_items()) CheckWeight(report, sub, decimals, findings);
}

// The Guangzhou reports score 产出 and 效益 through key tasks (6.5 + 6.5 + 3 + 3 + 1
// = 20 points): the tasks' declared scores must add up to the items' declared scores.
void CheckKeyTasks(const v1::EvaluationReport& report, const v1::ScoreCard& card,
                   const std::set<std::string>& indicator_items, int decimals,
                   std::vector<v1::Finding>& findings) {
  double task_weights = 0;
  double task_scores = 0;
  int scored_tasks = 0;
  for (const v1::KeyTask& task : report.key_tasks()) {
    if (!task.has_declared_score() || !task.has_weight()) continue;
    ++scored_tasks;
    task_weights += task.weight();
    task_scores += task.declared_score();
  }
  if (scored_tasks == 0) return;
  double item_max = 0;
  double item_declared = 0;
  for (const v1::ScoreGroup& group : card.groups()) {
    for (const v1::ScoreLine& line : group.lines()) {
      if (indicator_items.count(line.item_code()) == 0) continue;
      if (!line.has_declared_points()) return;  // nothing to compare with
      item_max += line.max();
      item_declared += line.declared_points();
    }
  }
  if (!SameScore(task_weights, item_max, decimals)) return;  // the tasks cover something else
  if (!SameScore(task_scores, item_declared, decimals)) {
    findings.push_back(MakeFinding(
        finding::kKeyTaskScoresMismatch, v1::SEVERITY_WARNING, "key_tasks",
        absl::StrCat("the key tasks' declared scores add up to ", FormatNumber(task_scores), "/",
                     FormatNumber(task_weights), ", but the indicator items are declared at ",
                     FormatNumber(item_declared), "/", FormatNumber(item_max))));
  }
}

void CheckUnscoredIndicators(const v1::EvaluationReport& report,
                             const std::vector<const v1::SchemeGroup*>& groups,
                             std::vector<v1::Finding>& findings) {
  std::set<std::string> taken;
  for (const v1::SchemeGroup* group : groups) {
    for (const v1::SchemeItem& item : group->items()) {
      if (item.source() != v1::ITEM_SOURCE_INDICATORS) continue;
      taken.insert(item.level1_codes().begin(), item.level1_codes().end());
    }
  }
  for (const SelectedIndicator& s : ReportIndicators(report)) {
    const std::string code = Level1CodeOf(*s.indicator);
    if (taken.count(code) > 0) continue;
    findings.push_back(MakeFinding(
        finding::kIndicatorNotScored, v1::SEVERITY_INFO, s.field_path,
        absl::StrCat("indicator ", s.indicator->id(), " ", s.indicator->name(), " (level 1 \"",
                     code, "\") belongs to no item of the scheme and is not scored")));
  }
}

}  // namespace

std::vector<v1::Finding> CheckReportAgainstScheme(const v1::EvaluationReport& report,
                                                  const std::vector<const v1::SchemeGroup*>& groups,
                                                  const v1::ScoreCard& card, int decimals) {
  std::vector<v1::Finding> findings;
  std::set<std::string> indicator_items;
  for (const v1::SchemeGroup* group : groups) {
    for (const v1::SchemeItem& item : group->items()) {
      CheckWeight(report, item, decimals, findings);
      if (item.source() == v1::ITEM_SOURCE_INDICATORS) indicator_items.insert(item.code());
    }
  }
  CheckKeyTasks(report, card, indicator_items, decimals, findings);
  CheckUnscoredIndicators(report, groups, findings);
  return findings;
}

}  // namespace jixiao::scoring
