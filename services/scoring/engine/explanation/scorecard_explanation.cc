#include "services/scoring/engine/explanation/scorecard_explanation.h"

#include <string>

#include "services/scoring/engine/checks/findings.h"
#include "services/scoring/engine/checks/report_checks.h"
#include "services/scoring/engine/checks/score_verification.h"
#include "services/scoring/engine/explanation/explanation_text.h"
#include "services/scoring/engine/explanation/item_explanation.h"

namespace jixiao::scoring {
namespace {

// The reason code (REASON_CODES.md) of a group line standing in for its items.
constexpr absl::string_view kDeclaredGroup = "DECLARED_GROUP";

void SetHeader(const ScoreComputation& computation, v1::ScoreCard& card) {
  const v1::EvaluationReport& report = *computation.report;
  const v1::Scheme& scheme = computation.scheme->scheme();
  card.mutable_report()->set_report_id(report.report_id());
  card.mutable_scheme()->set_id(scheme.id());
  card.mutable_scheme()->set_version(scheme.version());
  card.mutable_scheme()->set_content_hash(scheme.content_hash());
  *card.mutable_department() = report.department();
  card.set_fiscal_year(report.fiscal_year());
  if (computation.effective->variant != nullptr) {
    card.set_variant(computation.effective->variant->code());
  }
  // Copied only where printed: an absent figure must stay absent, not become 0.
  const v1::Budget& budget = report.budget();
  if (budget.has_initial()) *card.mutable_budget_initial() = budget.initial();
  if (budget.has_adjusted()) *card.mutable_budget_adjusted() = budget.adjusted();
  if (budget.has_final()) *card.mutable_budget_final() = budget.final();
}

// Every item is missing but the report declares the group's subtotal: one
// declared line for the group stands in for its items.
void ExplainDeclaredSubtotal(const GroupScore& score, v1::ScoreLine& line) {
  const v1::SchemeGroup& group = *score.group;
  line.set_item_code(group.code());
  line.set_name(group.name());
  line.set_max(group.max());
  line.set_points(score.subtotal_points);
  line.set_declared_points(*score.declared_points);
  line.set_provenance(v1::PROVENANCE_DECLARED);
  line.set_rule("declared");
  line.set_reason_code(std::string(kDeclaredGroup));
  AppendText(*line.mutable_explanation(), "报告未给出", group.name(), "各项得分，仅给出合计 ",
             Figure{*score.declared_points}, "/", Figure{group.max()}, " 分，按申报计入");
}

// "管理效率 (management): <why>", in ScoreCard.missing and a SCORE_INCOMPLETE finding.
std::string& AddIncomplete(absl::string_view name, absl::string_view code, v1::ScoreCard& card) {
  std::string& entry = *card.add_missing();
  AppendText(entry, name, " (", code, "): ");
  return entry;
}

void AddIncompleteFinding(absl::string_view code, const std::string& entry, Findings& findings) {
  v1::Finding& finding = AddFinding(findings, finding::kScoreIncomplete, v1::SEVERITY_WARNING);
  finding.set_field_path(std::string(code));
  AppendText(*finding.mutable_message(), "not scored: ", entry);
}

void ExplainGroup(const ScoreComputation& computation, const GroupScore& score,
                  v1::ScoreCard& card) {
  const v1::SchemeGroup& group = *score.group;
  v1::ScoreGroup& out = *card.add_groups();
  out.set_code(group.code());
  out.set_name(group.name());
  out.set_max(score.max);
  out.set_points(score.points);
  if (score.declared_points.has_value()) out.set_declared_points(*score.declared_points);
  Findings& findings = *card.mutable_findings();

  if (score.subtotal_stands_in) {
    // The items' lines give way to the group's, but what they found stands.
    for (const ItemScore& item : score.items) {
      v1::ScoreLine replaced;
      ExplainItem(computation, item, replaced, findings);
    }
    ExplainDeclaredSubtotal(score, *out.add_lines());
    return;
  }
  out.mutable_lines()->Reserve(static_cast<int>(score.items.size()));
  for (const ItemScore& item : score.items) {
    ExplainItem(computation, item, *out.add_lines(), findings);
  }
  if (score.all_missing) {
    std::string& entry = AddIncomplete(group.name(), group.code(), card);
    AppendText(entry, "报告未给出", group.name(), "各项得分");
    AddIncompleteFinding(group.code(), entry, findings);
    return;
  }
  for (const ItemScore& item : score.items) {
    if (!item.missing) continue;
    std::string& entry = AddIncomplete(item.item->name(), item.item->code(), card);
    AppendMissingNote(computation, item, entry);
    AddIncompleteFinding(item.item->code(), entry, findings);
  }
}

void AddSpendingFinding(v1::ScoreCard& card) {
  const v1::InflationSignals& signals = card.signals();
  if (!signals.outruns_spending()) return;
  v1::Finding& finding =
      AddFinding(*card.mutable_findings(), finding::kScoreOutrunsSpending, v1::SEVERITY_WARNING);
  finding.set_field_path("budget");
  AppendText(*finding.mutable_message(), "indicator score rate ",
             Share{signals.indicator_score_rate()}, " outruns the budget execution rate ",
             Share{signals.budget_execution_rate()}, " by more than 5% (relative)");
}

}  // namespace

void ExplainScores(const ScoreComputation& computation, v1::ScoreCard& card) {
  SetHeader(computation, card);
  card.mutable_groups()->Reserve(static_cast<int>(computation.groups.size()));
  for (const GroupScore& group : computation.groups) ExplainGroup(computation, group, card);

  card.set_total(computation.total);
  card.set_max(computation.max);
  card.set_complete(computation.complete);
  if (computation.grade != nullptr) {
    card.set_grade(computation.grade->grade());
    card.set_colour(computation.grade->colour());
  }
  card.set_recomputed_share(computation.recomputed_share);
  card.set_declared_grade(computation.report->declared().grade());
  card.set_declared_scheme(computation.report->declared().scheme());
  if (computation.declared_total.has_value()) card.set_declared_total(*computation.declared_total);

  VerifyDeclaredScores(card, *computation.report, computation.index, computation.decimals,
                       *card.mutable_findings());
  CheckReportAgainstScheme(*computation.report, computation.index, *computation.scheme,
                           *computation.effective, *computation.assignment, card,
                           computation.decimals, *card.mutable_findings());
  *card.mutable_signals() = computation.signals;
  AddSpendingFinding(card);
}

}  // namespace jixiao::scoring
