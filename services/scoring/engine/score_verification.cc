#include "services/scoring/engine/score_verification.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/scoring/engine/declared_lookup.h"
#include "services/scoring/engine/findings.h"
#include "services/scoring/engine/indicator_selection.h"
#include "services/scoring/engine/number_text.h"
#include "services/scoring/engine/reason_codes.h"
#include "services/scoring/engine/rounding.h"

namespace jixiao::scoring {
namespace {

constexpr int kCausesNamed = 3;

class Verifier {
 public:
  Verifier(const v1::EvaluationReport& report, int decimals)
      : report_(report), decimals_(decimals), unit_(1 / PowerOfTen(decimals)) {}

  std::vector<v1::Finding> Run(const v1::ScoreCard& card) {
    for (const v1::ScoreGroup& group : card.groups()) {
      for (const v1::ScoreLine& line : group.lines()) CheckLine(line);
      CheckGroup(group);
    }
    CheckTotal(card);
    CheckDeclaredArithmetic(card);
    return std::move(findings_);
  }

 private:
  bool Differs(double declared, double recomputed) const {
    return std::abs(RoundTo(declared - recomputed, decimals_)) >= unit_;
  }

  void AddDifference(const std::string& path, const std::string& what, double declared, double max,
                     double recomputed, const std::string& because) {
    const bool above = declared > recomputed;
    std::string message =
        absl::StrCat("declared ", what, " ", FormatNumber(declared), "/", FormatNumber(max),
                     ", recomputed ", FormatNumber(recomputed, decimals_));
    if (!because.empty()) absl::StrAppend(&message, ": ", because);
    findings_.push_back(
        MakeFinding(above ? finding::kDeclaredAboveRecomputed : finding::kDeclaredBelowRecomputed,
                    above ? v1::SEVERITY_WARNING : v1::SEVERITY_INFO, path, std::move(message)));
  }

  // "indicator 产出-6 商贸业项目申报验收工作完成情况 was completed at 0%".
  static std::string Cause(const v1::ScoreLine& sub) {
    std::string text = absl::StrCat("indicator ", sub.indicator_id(), " ", sub.name());
    if (sub.has_completion_percent()) {
      absl::StrAppend(&text, " was completed at ", FormatPercent(sub.completion_percent()));
    } else {
      absl::StrAppend(&text, " (", sub.reason_code(), ")");
    }
    return absl::StrCat(text, ", ", FormatNumber(sub.points()), "/", FormatNumber(sub.max()));
  }

  // The sub-lines that lost the most points explain an item's difference.
  std::string Causes(const v1::ScoreLine& line) const {
    std::vector<const v1::ScoreLine*> losing;
    for (const v1::ScoreLine& sub : line.sub_lines()) {
      if (!SameScore(sub.points(), sub.max(), decimals_)) losing.push_back(&sub);
    }
    std::stable_sort(losing.begin(), losing.end(), [](const auto* a, const auto* b) {
      return a->max() - a->points() > b->max() - b->points();
    });
    std::vector<std::string> causes;
    for (size_t i = 0; i < losing.size() && i < kCausesNamed; ++i)
      causes.push_back(Cause(*losing[i]));
    return absl::StrJoin(causes, "; ");
  }

  std::string ItemPath(const v1::ScoreLine& line) const {
    std::optional<AssessedItemRef> assessed = FindAssessedItem(report_, line.item_code());
    return assessed.has_value() ? absl::StrCat(assessed->field_path, ".declared_score")
                                : line.item_code();
  }

  // The report path of an indicator line, from an index built on first use.
  std::string IndicatorPath(const v1::ScoreLine& sub) {
    if (!paths_.has_value()) {
      paths_.emplace();
      for (const SelectedIndicator& s : ReportIndicators(report_)) {
        paths_->emplace(std::make_pair(s.indicator->id(), s.indicator->name()), s.field_path);
      }
    }
    const auto it = paths_->find({sub.indicator_id(), sub.name()});
    if (it == paths_->end()) return absl::StrCat(sub.item_code(), "/", sub.indicator_id());
    return absl::StrCat(it->second, ".declared_score");
  }

  void CheckLine(const v1::ScoreLine& line) {
    for (const v1::ScoreLine& sub : line.sub_lines()) {
      if (sub.provenance() == v1::PROVENANCE_RECOMPUTED && sub.has_declared_points() &&
          Differs(sub.declared_points(), sub.points())) {
        AddDifference(IndicatorPath(sub),
                      absl::StrCat("indicator ", sub.indicator_id(), " ", sub.name()),
                      sub.declared_points(), sub.max(), sub.points(), "");
      }
    }
    if (line.provenance() != v1::PROVENANCE_RECOMPUTED || !line.has_declared_points() ||
        !Differs(line.declared_points(), line.points())) {
      return;
    }
    AddDifference(ItemPath(line), line.name(), line.declared_points(), line.max(), line.points(),
                  Causes(line));
  }

  void CheckGroup(const v1::ScoreGroup& group) {
    if (!group.has_declared_points() || !Differs(group.declared_points(), group.points())) return;
    std::vector<std::string> lines;
    for (const v1::ScoreLine& line : group.lines()) {
      if (line.has_declared_points() && Differs(line.declared_points(), line.points())) {
        lines.push_back(absl::StrCat(line.name(), " ", FormatNumber(line.declared_points()), " → ",
                                     FormatNumber(line.points())));
      }
    }
    AddDifference(absl::StrCat("declared.subtotals[", group.code(), "]"), group.name(),
                  group.declared_points(), group.max(), group.points(), absl::StrJoin(lines, "; "));
  }

  void CheckTotal(const v1::ScoreCard& card) {
    if (!card.has_declared_total()) return;
    if (!card.complete()) return;  // a partial total says nothing about the claim
    if (Differs(card.declared_total(), card.total())) {
      AddDifference("declared.total", "total", card.declared_total(), card.max(), card.total(), "");
    }
    if (!card.declared_grade().empty() && card.declared_grade() != card.grade()) {
      findings_.push_back(MakeFinding(
          finding::kDeclaredGradeMismatch, v1::SEVERITY_WARNING, "declared.grade",
          absl::StrCat("declared grade ", card.declared_grade(), ", but the recomputed total ",
                       FormatNumber(card.total()), " grades ", card.grade())));
    }
  }

  // The report's own figures must add up: items to their group, groups to the total.
  void CheckDeclaredArithmetic(const v1::ScoreCard& card) {
    double subtotals = 0;
    bool all_subtotals = true;
    for (const v1::ScoreGroup& group : card.groups()) {
      all_subtotals &= group.has_declared_points();
      subtotals += group.declared_points();
      double items = 0;
      bool all_items = !group.lines().empty();
      for (const v1::ScoreLine& line : group.lines()) {
        all_items &= line.has_declared_points();
        items += line.declared_points();
      }
      if (group.has_declared_points() && all_items && Differs(group.declared_points(), items)) {
        findings_.push_back(MakeFinding(
            finding::kDeclaredSumMismatch, v1::SEVERITY_WARNING,
            absl::StrCat("declared.subtotals[", group.code(), "]"),
            absl::StrCat("declared ", group.name(), " ", FormatNumber(group.declared_points()),
                         ", but its declared items add up to ", FormatNumber(items, decimals_))));
      }
    }
    if (report_.declared().has_total() && all_subtotals &&
        Differs(report_.declared().total(), subtotals)) {
      findings_.push_back(
          MakeFinding(finding::kDeclaredSumMismatch, v1::SEVERITY_WARNING, "declared.total",
                      absl::StrCat("declared total ", FormatNumber(report_.declared().total()),
                                   ", but the declared subtotals add up to ",
                                   FormatNumber(subtotals, decimals_))));
    }
  }

  const v1::EvaluationReport& report_;
  const int decimals_;
  const double unit_;
  std::vector<v1::Finding> findings_;
  // (id, name) → path; the first indicator wins when a report repeats one.
  std::optional<std::map<std::pair<std::string, std::string>, std::string>> paths_;
};

}  // namespace

std::vector<v1::Finding> VerifyDeclaredScores(const v1::ScoreCard& card,
                                              const v1::EvaluationReport& report, int decimals) {
  return Verifier(report, decimals).Run(card);
}

}  // namespace jixiao::scoring
