#include "services/scoring/engine/explanation/item_explanation.h"

#include <algorithm>
#include <utility>

#include "services/scoring/engine/checks/score_verification.h"
#include "services/scoring/engine/explanation/explanation_text.h"
#include "services/scoring/engine/indicators/indicator_explanation.h"
#include "services/scoring/engine/indicators/indicator_flags.h"
#include "services/scoring/engine/items/declared_item.h"
#include "services/scoring/engine/items/declared_lookup.h"
#include "services/scoring/engine/items/execution_item.h"
#include "services/scoring/engine/items/sub_items_item.h"
#include "services/scoring/engine/rounding.h"

namespace jixiao::scoring {
namespace {

constexpr int kLossesNamed = 3;
constexpr size_t kExplanationCapacity = 256;

void AppendWhy(const ScoreComputation& computation, NotRecomputed why, std::string& out) {
  const KeyTaskCoverage& coverage = computation.index.coverage();
  switch (why) {
    case NotRecomputed::kIndicatorsNotItemized:
      if (coverage.announced > 0) {
        AppendText(out, "报告按 ", coverage.tasks, " 项重点工作任务给出得分（称共 ",
                   coverage.announced, " 个指标，列出 ", coverage.listed,
                   " 个），未逐项列出该项指标的分值、目标值与实际值，无法重算");
      } else {
        out.append("报告未逐项列出该项指标的目标值与实际值，无法重算");
      }
      return;
    case NotRecomputed::kIndicatorsPartiallyItemized:
      AppendText(out, "重点工作任务称共 ", coverage.announced, " 个指标，仅列出 ", coverage.listed,
                 " 个，无法完整重算");
      return;
    case NotRecomputed::kSpecialFundsUnlisted:
      out.append("报告未列出专项资金");
      return;
    case NotRecomputed::kSpecialFundsPartlyUnmet:
      out.append("报告称部分专项资金绩效指标未完成，但未列出指标，无法重算");
      return;
    case NotRecomputed::kSpecialFundsUnstated:
      out.append("报告未说明专项资金绩效指标的完成情况，无法重算");
      return;
    case NotRecomputed::kNoBudgetInputs:
      out.append("报告未给出预算金额或执行率，无法重算");
      return;
    case NotRecomputed::kNoSpecialFundInputs:
      out.append("报告未给出专项资金的金额或支出率，无法重算");
      return;
    case NotRecomputed::kDeclaredOnly:
      out.append("该项只能按报告申报计分");
      return;
    case NotRecomputed::kCheckUnanswered:
      out.append("报告未说明该要点是否达到，无法重算");
      return;
  }
}

void AppendDeclaredPath(const ScoreComputation& computation, const v1::AssessedItem& assessed,
                        std::string& out) {
  AppendAssessedItemPath(*computation.report, assessed, out);
  out.append(".declared_score");
}

// A declared score outside 0..max, counted clamped.
void AddOutOfRange(const v1::SchemeItem& item, const DeclaredScore& declared, Findings& findings,
                   std::string& path) {
  if (!declared.out_of_range) return;
  v1::Finding& finding = AddFinding(findings, finding::kDeclaredOutOfRange, v1::SEVERITY_WARNING);
  finding.set_field_path(std::move(path));
  AppendText(*finding.mutable_message(), "declared ", item.name(), " ", Figure{declared.printed},
             " is outside 0..", Figure{item.max()}, "; counted as ",
             Figure{std::clamp(declared.printed, 0.0, item.max())});
}

void AddAssessedOutOfRange(const ScoreComputation& computation, const v1::SchemeItem& item,
                           const v1::AssessedItem& assessed, const DeclaredScore& declared,
                           Findings& findings) {
  if (!declared.out_of_range) return;
  std::string path;
  AppendDeclaredPath(computation, assessed, path);
  AddOutOfRange(item, declared, findings, path);
}

void AddCoverageFinding(const ScoreComputation& computation, const ItemScore& score,
                        Findings& findings) {
  if (score.coverage_finding == CoverageFinding::kNone) return;
  const KeyTaskCoverage& coverage = computation.index.coverage();
  const bool info = score.coverage_finding == CoverageFinding::kCannotBeRecomputed;
  v1::Finding& finding = AddFinding(findings, finding::kIndicatorsPartiallyItemized,
                                    info ? v1::SEVERITY_INFO : v1::SEVERITY_WARNING);
  finding.set_field_path("key_tasks");
  std::string& message = *finding.mutable_message();
  AppendText(message, "the key tasks announce ", coverage.announced, " indicators but list ",
             coverage.listed, info ? ": " : "; ", score.item->name());
  switch (score.coverage_finding) {
    case CoverageFinding::kCannotBeRecomputed:
      message.append(" cannot be recomputed");
      break;
    case CoverageFinding::kTakenAsDeclared:
      message.append(" is taken as declared");
      break;
    default:
      message.append(" is recomputed from those listed");
      break;
  }
}

void AppendFacts(const v1::AssessedItem* assessed, absl::string_view lead, std::string& out) {
  if (assessed == nullptr || assessed->facts().empty()) return;
  AppendText(out, lead, assessed->facts());
}

// "8 项达到目标，2 项超过阈值扣分，1 项未达目标按完成率计分", in order of first appearance.
void AppendCountsByReason(const std::vector<IndicatorScore>& indicators, std::string& out) {
  std::vector<std::pair<IndicatorReason, int>> counts;
  for (const IndicatorScore& indicator : indicators) {
    const IndicatorReason& reason = indicator.verdict.reason;
    auto it = std::find_if(counts.begin(), counts.end(),
                           [&](const auto& count) { return count.first.code == reason.code; });
    if (it == counts.end()) {
      counts.emplace_back(reason, 1);
    } else {
      ++it->second;
    }
  }
  for (size_t i = 0; i < counts.size(); ++i) {
    AppendText(out, i == 0 ? "" : "，", counts[i].second, " 项", counts[i].first.label);
  }
}

// The indicators that lost the most points, named for the reader: the first
// kLossesNamed of a stable sort by points lost, largest first.
void AppendLargestLosses(const std::vector<IndicatorScore>& indicators, int decimals,
                         std::string& out) {
  const auto lost = [](const IndicatorScore& s) { return s.weight - s.points; };
  std::vector<bool> named(indicators.size(), false);
  for (int n = 0; n < kLossesNamed; ++n) {
    const IndicatorScore* largest = nullptr;
    size_t at = 0;
    for (size_t i = 0; i < indicators.size(); ++i) {
      const IndicatorScore& s = indicators[i];
      if (named[i] || SameScore(s.points, s.weight, decimals)) continue;
      if (largest == nullptr || lost(s) > lost(*largest)) {
        largest = &s;
        at = i;
      }
    }
    if (largest == nullptr) return;
    named[at] = true;
    const v1::Indicator& indicator = *largest->selected->indicator;
    AppendText(out, n == 0 ? "。失分：" : "；", "指标 ", indicator.id(), "「", indicator.name(),
               "」");
    if (largest->completion_percent.has_value()) {
      AppendText(out, "完成率 ", Percent{*largest->completion_percent}, "，");
    }
    AppendText(out, "得 ", Figure{largest->points, decimals}, "/",
               Figure{largest->weight, decimals}, " 分");
  }
}

void ExplainIndicators(const ScoreComputation& computation, const ItemScore& score,
                       v1::ScoreLine& line, Findings& findings) {
  const v1::SchemeItem& item = *score.item;
  const v1::IndicatorRules& rules = computation.scheme->IndicatorRulesFor(item);
  line.mutable_sub_lines()->Reserve(static_cast<int>(score.indicators.size()));
  for (const IndicatorScore& indicator : score.indicators) {
    ExplainIndicator(indicator, rules, item.code(), computation.decimals, *line.add_sub_lines());
    AddIndicatorFlags(indicator, rules, findings);
  }
  std::string& explanation = *line.mutable_explanation();
  absl::string_view weighting =
      score.any_stated_weight ? "各指标分值按报告所列权重折算" : "各指标平均分配";
  if (item.row_weights() == v1::ROW_WEIGHTS_EQUAL) {
    weighting = "各指标平均分配（方案不采用报告所列分值）";
  } else if (item.row_weights() == v1::ROW_WEIGHTS_PRINTED && !score.printed_weights_incomplete) {
    weighting = "各指标分值按报告所列分值计";
  }
  AppendText(explanation, "共 ", score.indicators.size(), " 项指标，", weighting, "（合计 ",
             Figure{score.max}, " 分）：");
  if (score.printed_weights_sum.has_value()) {
    v1::Finding& finding =
        AddFinding(findings, finding::kRowWeightsDoNotAddUp, v1::SEVERITY_WARNING);
    finding.set_field_path(item.code());
    AppendText(*finding.mutable_message(), "the printed weights of ", item.name(), " add up to ",
               Figure{*score.printed_weights_sum}, ", not its max ", Figure{score.max},
               "; they rule as printed and the item is capped at its max");
  }
  if (score.printed_weights_incomplete) {
    v1::Finding& finding =
        AddFinding(findings, finding::kRowWeightsIncomplete, v1::SEVERITY_WARNING);
    finding.set_field_path(item.code());
    AppendText(*finding.mutable_message(), "some indicators of ", item.name(),
               " print no weight: the printed weights were scaled to the item's max");
  }
  AppendCountsByReason(score.indicators, explanation);
  AppendLargestLosses(score.indicators, computation.decimals, explanation);
  AppendText(explanation, "。合计 ", Figure{score.points, computation.decimals}, " 分");
}

void ExplainSubItems(const ScoreComputation& computation, const ItemScore& score,
                     v1::ScoreLine& line, Findings& findings) {
  for (const DeclaredSubItem& sub : score.sub_items) {
    v1::ScoreLine& sub_line = *line.add_sub_lines();
    sub_line.set_item_code(sub.item->code());
    sub_line.set_name(sub.item->name());
    sub_line.set_max(sub.item->max());
    sub_line.set_points(sub.score.counted);
    sub_line.set_declared_points(sub.assessed->declared_score());
    sub_line.set_provenance(v1::PROVENANCE_DECLARED);
    sub_line.set_rule("declared");
    sub_line.set_reason_code(std::string(reason::kDeclared));
    std::string& explanation = *sub_line.mutable_explanation();
    AppendText(explanation, "报告自评 ", Figure{sub.score.counted}, "/", Figure{sub.item->max()},
               " 分，按申报计入");
    AppendFacts(sub.assessed, "：", explanation);
    AddAssessedOutOfRange(computation, *sub.item, *sub.assessed, sub.score, findings);
  }
}

}  // namespace

void AppendMissingNote(const ScoreComputation& computation, const ItemScore& score,
                       std::string& out) {
  switch (score.basis) {
    case ItemBasis::kIndicators:
      out.append("报告列出的指标均无可比较的实际完成值");
      return;
    case ItemBasis::kDeclaredSomeSubItems:
      AppendText(out, "报告只给出 ", score.sub_items.size(), "/", score.item->sub_items_size(),
                 " 个子项得分，未给出该项合计");
      return;
    default:
      AppendWhy(computation, score.why, out);
      out.append("，报告也未给出该项得分");
      return;
  }
}

void ExplainItem(const ScoreComputation& computation, const ItemScore& score, v1::ScoreLine& line,
                 Findings& findings) {
  const v1::SchemeItem& item = *score.item;
  line.set_item_code(item.code());
  line.set_name(item.name());
  line.set_max(score.max);
  line.set_points(score.points);
  line.set_provenance(score.provenance);
  line.set_rule(std::string(score.rule));
  line.set_reason_code(std::string(score.reason));
  if (score.declared_points.has_value()) line.set_declared_points(*score.declared_points);
  if (score.completion_percent.has_value()) line.set_completion_percent(*score.completion_percent);
  std::string& explanation = *line.mutable_explanation();
  explanation.reserve(kExplanationCapacity);

  switch (score.basis) {
    case ItemBasis::kIndicators:
      ExplainIndicators(computation, score, line, findings);
      break;
    case ItemBasis::kExecutionRate:
    case ItemBasis::kYearlyExecution:
      AppendExecutionExplanation(score, computation.decimals, explanation);
      break;
    case ItemBasis::kSubItems: {
      line.mutable_sub_lines()->Reserve(static_cast<int>(score.sub_scores.size()));
      for (const ItemScore& sub : score.sub_scores) {
        ExplainItem(computation, sub, *line.add_sub_lines(), findings);
      }
      AppendSubItemsExplanation(score, computation.decimals, explanation);
      break;
    }
    case ItemBasis::kCheck:
      AppendText(explanation,
                 score.check_met ? "报告认定该要点已达到，得 " : "报告认定该要点未达到，得 ",
                 Figure{score.points, computation.decimals}, "/", Figure{score.max}, " 分");
      AppendFacts(score.assessed, "。报告：", explanation);
      break;
    case ItemBasis::kAbsent: {
      explanation.append("报告中没有该项可计分的内容");
      const auto& absent = computation.maxima.absent;
      const auto policy = absent.find(&item);
      if (policy != absent.end() && policy->second == v1::ABSENT_POLICY_MOVE) {
        AppendText(explanation, "；按方案，其 ", Figure{score.max}, " 分计入「", item.absent_to(),
                   "」");
      } else if (policy != absent.end() && policy->second == v1::ABSENT_POLICY_RESCALE) {
        AppendText(explanation, "；按方案，其 ", Figure{score.max},
                   " 分按同组其他各项的分值比例分摊");
      } else {
        AppendText(explanation, "；按方案计 0 分（满分 ", Figure{score.max}, " 分），总分仍完整");
      }
      v1::Finding& finding = AddFinding(findings, finding::kAbsentItem, v1::SEVERITY_INFO);
      finding.set_field_path(item.code());
      AppendText(*finding.mutable_message(), item.name(),
                 ": the report has nothing to score it from; settled by the scheme (", score.rule,
                 ")");
      break;
    }
    case ItemBasis::kSpecialFundsAllMet: {
      explanation.append("报告称专项资金「");
      const auto& funds = computation.report->budget().special_funds();
      for (int f = 0; f < funds.size(); ++f) {
        AppendText(explanation, f == 0 ? "" : "」「", funds[f].name());
      }
      AppendText(explanation, "」的绩效指标全部完成，得满分 ", Figure{score.max}, " 分");
      break;
    }
    case ItemBasis::kDeclared:
      AppendWhy(computation, score.why, explanation);
      AppendText(explanation, "；按报告自评得分 ", Figure{score.points}, " 分计入（满分 ",
                 Figure{score.max}, " 分）");
      AppendFacts(score.assessed, "。报告：", explanation);
      AddAssessedOutOfRange(computation, item, *score.assessed, score.declared, findings);
      break;
    case ItemBasis::kKeyTasks: {
      AppendWhy(computation, score.why, explanation);
      explanation.append("；按重点工作任务「");
      for (size_t t = 0; t < score.key_tasks.size(); ++t) {
        AppendText(explanation, t == 0 ? "" : "」「", score.key_tasks[t]->name());
      }
      AppendText(explanation, "」的自评得分合计 ", Figure{score.points}, " 分计入（满分 ",
                 Figure{score.max}, " 分）");
      std::string path = "key_tasks";
      AddOutOfRange(item, score.declared, findings, path);
      break;
    }
    case ItemBasis::kDeclaredItem:
      ExplainSubItems(computation, score, line, findings);
      AppendText(explanation, "报告自评 ", Figure{score.points}, "/", Figure{score.max},
                 " 分，按申报计入（该项按报告申报计分，不重算）");
      AppendFacts(score.assessed, "。报告：", explanation);
      AddAssessedOutOfRange(computation, item, *score.assessed, score.declared, findings);
      if (score.sub_items_disagree) {
        v1::Finding& finding =
            AddFinding(findings, finding::kDeclaredSumMismatch, v1::SEVERITY_WARNING);
        AppendDeclaredPath(computation, *score.assessed, *finding.mutable_field_path());
        AppendText(*finding.mutable_message(), "declared ", item.name(), " ", Figure{score.points},
                   ", but its sub-items add up to ", Figure{score.sub_items_sum});
      }
      break;
    case ItemBasis::kDeclaredSubItems:
      ExplainSubItems(computation, score, line, findings);
      AppendText(explanation, "报告逐项给出 ", score.sub_items.size(), " 个子项得分，合计 ",
                 Figure{score.sub_items_sum}, "/", Figure{score.max}, " 分，按申报计入");
      break;
    case ItemBasis::kDeclaredSomeSubItems:
      ExplainSubItems(computation, score, line, findings);
      AppendMissingNote(computation, score, explanation);
      AppendText(explanation, "；已给出的子项合计 ", Figure{score.sub_items_sum},
                 " 分，总分不完整");
      break;
    case ItemBasis::kMissing:
      AppendWhy(computation, score.why, explanation);
      explanation.append("，报告也未给出该项得分：不计分，总分不完整");
      break;
  }
  if (const auto received = computation.maxima.received_from.find(&item);
      received != computation.maxima.received_from.end()) {
    AppendText(explanation, "（满分由 ", Figure{item.max()}, " 调整为 ", Figure{score.max}, "：含");
    for (size_t r = 0; r < received->second.size(); ++r) {
      AppendText(explanation, r == 0 ? "「" : "、「", received->second[r]->name(), "」");
    }
    explanation.append("无可计分内容而转入的分值）");
  }
  AddCoverageFinding(computation, score, findings);
}

}  // namespace jixiao::scoring
