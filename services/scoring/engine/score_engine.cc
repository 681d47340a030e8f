#include "services/scoring/engine/score_engine.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "services/scoring/engine/findings.h"
#include "services/scoring/engine/grading.h"
#include "services/scoring/engine/group_scoring.h"
#include "services/scoring/engine/inflation_signals.h"
#include "services/scoring/engine/number_text.h"
#include "services/scoring/engine/reason_codes.h"
#include "services/scoring/engine/recomputed_share.h"
#include "services/scoring/engine/report_checks.h"
#include "services/scoring/engine/rounding.h"
#include "services/scoring/engine/score_verification.h"
#include "services/scoring/engine/variant_selection.h"
#include "services/scoring/scheme/effective_groups.h"
#include "services/scoring/scheme/scheme_validator.h"

namespace jixiao::scoring {
namespace {

absl::Status CheckScheme(const v1::EvaluationReport& report, const v1::Scheme& scheme) {
  const std::vector<SchemeIssue> issues = ValidateScheme(scheme);
  if (!issues.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("scheme ", scheme.id(), " v", scheme.version(),
                                                   " is not valid: ", issues.front().reason));
  }
  if (scheme.report_kind() != v1::REPORT_KIND_UNSPECIFIED &&
      report.kind() != v1::REPORT_KIND_UNSPECIFIED && scheme.report_kind() != report.kind()) {
    return absl::InvalidArgumentError(
        absl::StrCat("scheme ", scheme.id(), " scores ", v1::ReportKind_Name(scheme.report_kind()),
                     " reports, not ", v1::ReportKind_Name(report.kind())));
  }
  return absl::OkStatus();
}

void SetHeader(const v1::EvaluationReport& report, const v1::Scheme& scheme,
               const v1::SchemeVariant* variant, v1::ScoreCard& card) {
  card.mutable_report()->set_report_id(report.report_id());
  card.mutable_scheme()->set_id(scheme.id());
  card.mutable_scheme()->set_version(scheme.version());
  card.mutable_scheme()->set_content_hash(scheme.content_hash());
  *card.mutable_department() = report.department();
  card.set_fiscal_year(report.fiscal_year());
  if (variant != nullptr) card.set_variant(variant->code());
  // Copied only where printed: an absent figure must stay absent, not become 0.
  const v1::Budget& budget = report.budget();
  if (budget.has_initial()) *card.mutable_budget_initial() = budget.initial();
  if (budget.has_adjusted()) *card.mutable_budget_adjusted() = budget.adjusted();
  if (budget.has_final()) *card.mutable_budget_final() = budget.final();
}

// The declared total: as printed, else the sum of the declared subtotals when
// every group has one (天河区贸促会 2023 prints 49.98 and 50, not 99.98).
void SetDeclared(const v1::EvaluationReport& report, v1::ScoreCard& card) {
  card.set_declared_grade(report.declared().grade());
  if (report.declared().has_total()) {
    card.set_declared_total(report.declared().total());
    return;
  }
  double sum = 0;
  for (const v1::ScoreGroup& group : card.groups()) {
    if (!group.has_declared_points()) return;
    sum += group.declared_points();
  }
  if (!card.groups().empty()) card.set_declared_total(sum);
}

void SetTotals(const v1::Scheme& scheme, int decimals, v1::ScoreCard& card) {
  double total = 0;
  double max = 0;
  for (const v1::ScoreGroup& group : card.groups()) {
    total += group.points();
    max += group.max();
  }
  card.set_total(RoundTo(total, decimals));
  card.set_max(max);
  card.set_complete(card.missing().empty());
  // An incomplete total would understate the grade: none is given.
  if (const v1::GradeBand* band = GradeFor(scheme, card.total());
      band != nullptr && card.complete()) {
    card.set_grade(band->grade());
    card.set_colour(band->colour());
  }
  card.set_recomputed_share(RoundTo(RecomputedShare(card), 4));
}

void AddSpendingFinding(v1::ScoreCard& card) {
  const v1::InflationSignals& signals = card.signals();
  if (!signals.outruns_spending()) return;
  *card.add_findings() = MakeFinding(
      finding::kScoreOutrunsSpending, v1::SEVERITY_WARNING, "budget",
      absl::StrCat("indicator score rate ", FormatShare(signals.indicator_score_rate()),
                   " outruns the budget execution rate ",
                   FormatShare(signals.budget_execution_rate()), " by more than 5% (relative)"));
}

}  // namespace

absl::StatusOr<v1::ScoreCard> ScoreReport(const v1::EvaluationReport& report,
                                          const v1::Scheme& scheme) {
  if (absl::Status valid = CheckScheme(report, scheme); !valid.ok()) return valid;
  const ScoringContext context{report, scheme, scheme.rounding_decimals()};
  const v1::SchemeVariant* variant = SelectVariant(scheme, report);
  const std::vector<const v1::SchemeGroup*> groups = EffectiveGroups(scheme, variant);

  v1::ScoreCard card;
  SetHeader(report, scheme, variant, card);
  std::vector<v1::Finding> findings;
  SignalInputs signal_inputs;
  for (const v1::SchemeGroup* group : groups) {
    GroupScore scored = ScoreSchemeGroup(context, *group);
    *card.add_groups() = std::move(scored.group);
    for (std::string& entry : scored.missing) card.add_missing(std::move(entry));
    AppendFindings(findings, std::move(scored.findings));
    signal_inputs.outcomes.insert(signal_inputs.outcomes.end(), scored.outcomes.begin(),
                                  scored.outcomes.end());
    signal_inputs.indicator_item_codes.insert(signal_inputs.indicator_item_codes.end(),
                                              scored.indicator_item_codes.begin(),
                                              scored.indicator_item_codes.end());
    if (scored.execution_rate_percent.has_value()) {
      signal_inputs.execution_rate_percent = scored.execution_rate_percent;
    }
  }
  SetTotals(scheme, context.decimals, card);
  SetDeclared(report, card);

  AppendFindings(findings, VerifyDeclaredScores(card, report, context.decimals));
  AppendFindings(findings, CheckReportAgainstScheme(report, groups, card, context.decimals));
  for (v1::Finding& finding : findings) *card.add_findings() = std::move(finding);
  *card.mutable_signals() = ComputeSignals(card, signal_inputs, context.decimals);
  AddSpendingFinding(card);
  return card;
}

}  // namespace jixiao::scoring
