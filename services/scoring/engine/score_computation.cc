#include "services/scoring/engine/score_computation.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "services/scoring/engine/checks/inflation_signals.h"
#include "services/scoring/engine/checks/recomputed_share.h"
#include "services/scoring/engine/grading.h"
#include "services/scoring/engine/rounding.h"
#include "services/scoring/engine/variant_selection.h"

namespace jixiao::scoring {
namespace {

absl::Status CheckKind(const v1::EvaluationReport& report, const v1::Scheme& scheme) {
  if (scheme.report_kind() != v1::REPORT_KIND_UNSPECIFIED &&
      report.kind() != v1::REPORT_KIND_UNSPECIFIED && scheme.report_kind() != report.kind()) {
    return absl::InvalidArgumentError(
        absl::StrCat("scheme ", scheme.id(), " scores ", v1::ReportKind_Name(scheme.report_kind()),
                     " reports, not ", v1::ReportKind_Name(report.kind())));
  }
  return absl::OkStatus();
}

bool Complete(const std::vector<GroupScore>& groups) {
  for (const GroupScore& group : groups) {
    if (group.subtotal_stands_in) continue;
    if (group.all_missing) return false;
    for (const ItemScore& item : group.items) {
      if (item.missing) return false;
    }
  }
  return true;
}

std::optional<double> DeclaredTotal(const v1::EvaluationReport& report,
                                    const std::vector<GroupScore>& groups) {
  if (report.declared().has_total()) return report.declared().total();
  double sum = 0;
  for (const GroupScore& group : groups) {
    if (!group.declared_points.has_value()) return std::nullopt;
    sum += *group.declared_points;
  }
  if (groups.empty()) return std::nullopt;
  return sum;
}

}  // namespace

ScoreComputation::ScoreComputation(const v1::EvaluationReport& scored_report,
                                   const PreparedScheme& prepared_scheme)
    : report(&scored_report),
      scheme(&prepared_scheme),
      decimals(prepared_scheme.scheme().rounding_decimals()),
      index(scored_report, prepared_scheme) {}

absl::StatusOr<ScoreComputation> ComputeScores(const v1::EvaluationReport& report,
                                               const PreparedScheme& scheme) {
  if (absl::Status kind = CheckKind(report, scheme.scheme()); !kind.ok()) return kind;
  ScoreComputation computation(report, scheme);
  computation.effective = &scheme.Effective(SelectVariant(scheme, report, computation.index));
  computation.assignment.emplace(computation.index.indicators(), *computation.effective, scheme);
  const ScoringContext context{report,
                               scheme,
                               computation.index,
                               computation.parsed_values,
                               computation.decimals,
                               &*computation.assignment,
                               &computation.maxima};
  SettleAbsentItems(context, computation.effective->groups, computation.maxima);
  computation.groups.reserve(computation.effective->groups.size());
  double total = 0;
  for (const v1::SchemeGroup* group : computation.effective->groups) {
    computation.groups.push_back(ScoreSchemeGroup(context, *group));
    total += computation.groups.back().points;
    computation.max += computation.groups.back().max;
  }
  computation.total = RoundTo(total, computation.decimals);
  computation.complete = Complete(computation.groups);
  // An incomplete total would understate the grade: none is given.
  if (computation.complete) computation.grade = GradeFor(scheme.scheme(), computation.total);
  computation.recomputed_share = RoundTo(RecomputedShare(computation.groups, computation.max), 4);
  computation.declared_total = DeclaredTotal(report, computation.groups);
  computation.signals =
      ComputeSignals(computation.groups, *computation.effective, computation.declared_total,
                     computation.total, computation.complete, computation.decimals);
  return computation;
}

}  // namespace jixiao::scoring
