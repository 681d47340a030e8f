#include "services/scoring/engine/indicator_item.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/scoring/engine/declared_lookup.h"
#include "services/scoring/engine/findings.h"
#include "services/scoring/engine/number_text.h"
#include "services/scoring/engine/reason_codes.h"
#include "services/scoring/engine/reason_labels.h"
#include "services/scoring/engine/rounding.h"
#include "services/scoring/engine/weight_allocation.h"
#include "services/scoring/scheme/effective_rules.h"

namespace jixiao::scoring {
namespace {

constexpr int kLossesNamed = 3;

bool InCodes(const v1::SchemeItem& item, const std::string& code) {
  return std::find(item.level1_codes().begin(), item.level1_codes().end(), code) !=
         item.level1_codes().end();
}

// Key tasks whose listed indicators all belong to the item, and which declare a
// score: their sum stands for the item when nothing else does.
std::optional<double> KeyTaskDeclared(const v1::EvaluationReport& report,
                                      const v1::SchemeItem& item, std::vector<std::string>& names) {
  std::optional<double> sum;
  for (const v1::KeyTask& task : report.key_tasks()) {
    if (!task.has_declared_score() || task.indicators().empty()) continue;
    const bool all_in_item = std::all_of(
        task.indicators().begin(), task.indicators().end(),
        [&](const v1::Indicator& indicator) { return InCodes(item, Level1CodeOf(indicator)); });
    if (!all_in_item) continue;
    sum = sum.value_or(0) + task.declared_score();
    names.push_back(task.name());
  }
  return sum;
}

std::string NotItemizedReason(const KeyTaskCoverage& coverage) {
  if (coverage.announced > 0) {
    return absl::StrCat("报告按 ", coverage.tasks, " 项重点工作任务给出得分（称共 ",
                        coverage.announced, " 个指标，列出 ", coverage.listed,
                        " 个），未逐项列出该项指标的分值、目标值与实际值，无法重算");
  }
  return "报告未逐项列出该项指标的目标值与实际值，无法重算";
}

ItemScore FromKeyTasks(const ScoringContext& context, const v1::SchemeItem& item, double declared,
                       const std::vector<std::string>& names, const std::string& why) {
  ItemScore score;
  score.line = StartItemLine(context, item);
  const double points = ClampDeclared(context, item, declared, "key_tasks", score.findings);
  score.line.set_points(points);
  score.line.set_provenance(v1::PROVENANCE_DECLARED);
  score.line.set_rule("declared");
  score.line.set_reason_code(std::string(reason::kDeclaredFromKeyTasks));
  score.line.set_explanation(absl::StrCat(why, "；按重点工作任务「", absl::StrJoin(names, "」「"),
                                          "」的自评得分合计 ", FormatNumber(points),
                                          " 分计入（满分 ", FormatNumber(item.max()), " 分）"));
  if (!score.line.has_declared_points()) score.line.set_declared_points(points);
  return score;
}

// "8 项达到目标，2 项超过阈值扣分，1 项未达目标按完成率计分", in order of first appearance.
std::string CountByReason(const v1::ScoreLine& line) {
  std::vector<std::string> order;
  std::map<std::string, int> counts;
  for (const v1::ScoreLine& sub : line.sub_lines()) {
    if (counts[sub.reason_code()]++ == 0) order.push_back(sub.reason_code());
  }
  std::vector<std::string> parts;
  for (const std::string& code : order) {
    parts.push_back(absl::StrCat(counts[code], " 项", ReasonLabel(code)));
  }
  return absl::StrJoin(parts, "，");
}

// The indicators that lost the most points, named for the reader.
std::string LargestLosses(const v1::ScoreLine& line, int decimals) {
  std::vector<const v1::ScoreLine*> losing;
  for (const v1::ScoreLine& sub : line.sub_lines()) {
    if (!SameScore(sub.points(), sub.max(), decimals)) losing.push_back(&sub);
  }
  std::stable_sort(losing.begin(), losing.end(),
                   [](const v1::ScoreLine* a, const v1::ScoreLine* b) {
                     return a->max() - a->points() > b->max() - b->points();
                   });
  std::vector<std::string> named;
  for (size_t i = 0; i < losing.size() && i < kLossesNamed; ++i) {
    const v1::ScoreLine& sub = *losing[i];
    std::string text = absl::StrCat("指标 ", sub.indicator_id(), "「", sub.name(), "」");
    if (sub.has_completion_percent()) {
      absl::StrAppend(&text, "完成率 ", FormatPercent(sub.completion_percent()), "，");
    }
    absl::StrAppend(&text, "得 ", FormatNumber(sub.points(), decimals), "/",
                    FormatNumber(sub.max(), decimals), " 分");
    named.push_back(text);
  }
  return absl::StrJoin(named, "；");
}

v1::Provenance ItemProvenance(const v1::ScoreLine& line) {
  bool any_declared = false;
  bool all_missing = true;
  for (const v1::ScoreLine& sub : line.sub_lines()) {
    any_declared |= sub.provenance() == v1::PROVENANCE_DECLARED;
    all_missing &= sub.provenance() == v1::PROVENANCE_MISSING;
  }
  if (all_missing) return v1::PROVENANCE_MISSING;
  return any_declared ? v1::PROVENANCE_DECLARED : v1::PROVENANCE_RECOMPUTED;
}

}  // namespace

KeyTaskCoverage CoverageOf(const v1::EvaluationReport& report) {
  KeyTaskCoverage coverage;
  for (const v1::KeyTask& task : report.key_tasks()) {
    if (task.declared_indicator_count() == 0 && task.indicators().empty()) continue;
    ++coverage.tasks;
    coverage.announced += std::max(task.declared_indicator_count(), task.indicators_size());
    coverage.listed += task.indicators_size();
  }
  return coverage;
}

ItemScore ScoreIndicatorList(const ScoringContext& context, const v1::SchemeItem& item,
                             const std::vector<SelectedIndicator>& selected) {
  const v1::IndicatorRules rules =
      MergeIndicatorRules(context.scheme.indicator_rules(), item.indicator_rules());
  std::vector<std::optional<double>> stated;
  stated.reserve(selected.size());
  bool any_stated = false;
  for (const SelectedIndicator& s : selected) {
    stated.push_back(s.stated_weight);
    any_stated |= s.stated_weight.has_value();
  }
  const std::vector<double> weights = AllocateWeights(stated, item.max(), context.decimals);

  ItemScore score;
  score.line = StartItemLine(context, item);
  v1::ScoreLine& line = score.line;
  double sum = 0;
  for (size_t i = 0; i < selected.size(); ++i) {
    IndicatorInput input{selected[i].indicator, selected[i].field_path, item.code(), weights[i],
                         selected[i].stated_weight};
    IndicatorScore indicator = ScoreIndicator(input, rules, context.decimals);
    sum += indicator.line.points();
    *line.add_sub_lines() = std::move(indicator.line);
    AppendFindings(score.findings, std::move(indicator.findings));
    score.outcomes.push_back(indicator.outcome);
  }
  const double points = std::min(RoundTo(sum, context.decimals), item.max());
  line.set_points(points);
  line.set_provenance(ItemProvenance(line));
  line.set_rule("indicators");
  line.set_reason_code(std::string(reason::kIndicatorsRecomputed));
  std::string explanation =
      absl::StrCat("共 ", selected.size(), " 项指标，",
                   any_stated ? "各指标分值按报告所列权重折算" : "各指标平均分配", "（合计 ",
                   FormatNumber(item.max()), " 分）：", CountByReason(line));
  const std::string losses = LargestLosses(line, context.decimals);
  if (!losses.empty()) absl::StrAppend(&explanation, "。失分：", losses);
  absl::StrAppend(&explanation, "。合计 ", FormatNumber(points, context.decimals), " 分");
  line.set_explanation(explanation);
  if (line.provenance() == v1::PROVENANCE_MISSING) {
    score.missing = true;
    score.missing_note = "报告列出的指标均无可比较的实际完成值";
  }
  return score;
}

ItemScore ScoreIndicatorItem(const ScoringContext& context, const v1::SchemeItem& item) {
  const std::vector<SelectedIndicator> selected =
      SelectIndicators(context.report, item.level1_codes());
  const bool any_itemized =
      std::any_of(selected.begin(), selected.end(),
                  [](const SelectedIndicator& s) { return IsItemized(*s.indicator); });
  const KeyTaskCoverage coverage = CoverageOf(context.report);
  std::optional<AssessedItemRef> assessed = FindAssessedItem(context.report, item.code());
  const bool declared = assessed.has_value() && assessed->item->has_declared_score();

  if (!any_itemized) {
    const std::string why = NotItemizedReason(coverage);
    std::vector<std::string> task_names;
    const std::optional<double> from_tasks = KeyTaskDeclared(context.report, item, task_names);
    ItemScore score = !declared && from_tasks.has_value()
                          ? FromKeyTasks(context, item, *from_tasks, task_names, why)
                          : DeclaredOrMissing(context, item, reason::kDeclaredNotItemized, why);
    if (coverage.partial()) {
      score.findings.push_back(MakeFinding(
          finding::kIndicatorsPartiallyItemized, v1::SEVERITY_INFO, "key_tasks",
          absl::StrCat("the key tasks announce ", coverage.announced, " indicators but list ",
                       coverage.listed, ": ", item.name(), " cannot be recomputed")));
    }
    return score;
  }
  if (coverage.partial() && declared) {
    // Recomputing from a subset would understate the item: keep the declared score.
    ItemScore score =
        DeclaredOrMissing(context, item, reason::kDeclaredPartiallyItemized,
                          absl::StrCat("重点工作任务称共 ", coverage.announced, " 个指标，仅列出 ",
                                       coverage.listed, " 个，无法完整重算"));
    score.findings.push_back(MakeFinding(
        finding::kIndicatorsPartiallyItemized, v1::SEVERITY_WARNING, "key_tasks",
        absl::StrCat("the key tasks announce ", coverage.announced, " indicators but list ",
                     coverage.listed, "; ", item.name(), " is taken as declared")));
    return score;
  }
  ItemScore score = ScoreIndicatorList(context, item, selected);
  if (coverage.partial()) {
    score.findings.push_back(MakeFinding(
        finding::kIndicatorsPartiallyItemized, v1::SEVERITY_WARNING, "key_tasks",
        absl::StrCat("the key tasks announce ", coverage.announced, " indicators but list ",
                     coverage.listed, "; ", item.name(), " is recomputed from those listed")));
  }
  return score;
}

}  // namespace jixiao::scoring
