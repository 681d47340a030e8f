#include "services/scoring/engine/checks/report_checks.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "services/scoring/engine/explanation/explanation_text.h"
#include "services/scoring/engine/items/declared_lookup.h"
#include "services/scoring/engine/rounding.h"

namespace jixiao::scoring {
namespace {

bool Contains(const std::vector<absl::string_view>& codes, absl::string_view code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

void CheckWeight(const v1::EvaluationReport& report, const ReportIndex& index,
                 const v1::SchemeItem& item, int decimals, Findings& findings) {
  const v1::AssessedItem* assessed = index.FindAssessedItem(item);
  if (assessed != nullptr && assessed->weight() > 0 &&
      !SameScore(assessed->weight(), item.max(), decimals)) {
    v1::Finding& finding = AddFinding(findings, finding::kDeclaredWeightDiffers, v1::SEVERITY_INFO);
    std::string& path = *finding.mutable_field_path();
    AppendAssessedItemPath(report, *assessed, path);
    path.append(".weight");
    AppendText(*finding.mutable_message(), item.name(), " is worth ", Figure{assessed->weight()},
               " in the report but ", Figure{item.max()}, " in the scheme");
  }
  for (const v1::SchemeItem& sub : item.sub_items()) {
    CheckWeight(report, index, sub, decimals, findings);
  }
}

// The Guangzhou reports score 产出 and 效益 through key tasks (6.5 + 6.5 + 3 + 3 + 1
// = 20 points): the tasks' declared scores must add up to the items' declared scores.
void CheckKeyTasks(const v1::EvaluationReport& report, const v1::ScoreCard& card,
                   const std::vector<absl::string_view>& indicator_items, int decimals,
                   Findings& findings) {
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
      if (!Contains(indicator_items, line.item_code())) continue;
      if (!line.has_declared_points()) return;  // nothing to compare with
      item_max += line.max();
      item_declared += line.declared_points();
    }
  }
  if (!SameScore(task_weights, item_max, decimals)) return;  // the tasks cover something else
  if (!SameScore(task_scores, item_declared, decimals)) {
    v1::Finding& finding =
        AddFinding(findings, finding::kKeyTaskScoresMismatch, v1::SEVERITY_WARNING);
    finding.set_field_path("key_tasks");
    AppendText(*finding.mutable_message(), "the key tasks' declared scores add up to ",
               Figure{task_scores}, "/", Figure{task_weights},
               ", but the indicator items are declared at ", Figure{item_declared}, "/",
               Figure{item_max});
  }
}

void CheckUnscoredIndicators(const ReportIndex& index, const IndicatorAssignment& assignment,
                             Findings& findings) {
  for (const SelectedIndicator& s : index.indicators()) {
    if (assignment.ItemOf(*s.indicator) != nullptr) continue;
    v1::Finding& finding = AddFinding(findings, finding::kIndicatorNotScored, v1::SEVERITY_INFO);
    AppendFieldPath(s.location, *finding.mutable_field_path());
    AppendText(*finding.mutable_message(), "indicator ", s.indicator->id(), " ",
               s.indicator->name(), " (level 1 \"", s.level1_code,
               "\") belongs to no item of the scheme and is not scored");
  }
}

// An assessed item whose code the scheme does not have is not scored: say so,
// once per item (its sub-items go with it).
void CheckUnknownItemCodes(const google::protobuf::RepeatedPtrField<v1::AssessedItem>& items,
                           const PreparedScheme& scheme, const std::string& path,
                           Findings& findings) {
  for (int i = 0; i < items.size(); ++i) {
    const v1::AssessedItem& item = items[i];
    const std::string item_path = absl::StrCat(path, "[", i, "]");
    if (scheme.ItemCodeNumber(item.code()) < 0) {
      v1::Finding& finding = AddFinding(findings, finding::kUnknownItemCode, v1::SEVERITY_INFO);
      finding.set_field_path(absl::StrCat(item_path, ".code"));
      AppendText(*finding.mutable_message(), "item \"", item.code(), "\" (", item.name(),
                 ") is not an item of scheme ", scheme.scheme().id(), " and is not scored");
      continue;
    }
    CheckUnknownItemCodes(item.sub_items(), scheme, absl::StrCat(item_path, ".sub_items"),
                          findings);
  }
}

}  // namespace

void CheckReportAgainstScheme(const v1::EvaluationReport& report, const ReportIndex& index,
                              const PreparedScheme& scheme, const EffectiveScheme& effective,
                              const IndicatorAssignment& assignment, const v1::ScoreCard& card,
                              int decimals, Findings& findings) {
  for (const v1::SchemeGroup* group : effective.groups) {
    for (const v1::SchemeItem& item : group->items()) {
      CheckWeight(report, index, item, decimals, findings);
    }
  }
  CheckKeyTasks(report, card, effective.indicator_item_codes, decimals, findings);
  CheckUnscoredIndicators(index, assignment, findings);
  CheckUnknownItemCodes(report.effectiveness_items(), scheme, "effectiveness_items", findings);
  CheckUnknownItemCodes(report.management_items(), scheme, "management_items", findings);
}

}  // namespace jixiao::scoring
