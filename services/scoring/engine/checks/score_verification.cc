#include "services/scoring/engine/checks/score_verification.h"

#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "services/scoring/engine/explanation/explanation_text.h"
#include "services/scoring/engine/items/declared_lookup.h"
#include "services/scoring/engine/rounding.h"

namespace jixiao::scoring {
namespace {

constexpr int kCausesNamed = 3;

class Verifier {
 public:
  Verifier(const v1::EvaluationReport& report, const ReportIndex& index, int decimals,
           Findings& findings)
      : report_(report),
        index_(index),
        decimals_(decimals),
        unit_(1 / PowerOfTen(decimals)),
        findings_(findings) {}

  void Run(const v1::ScoreCard& card) {
    for (const v1::ScoreGroup& group : card.groups()) {
      for (const v1::ScoreLine& line : group.lines()) CheckLine(line);
      CheckGroup(group);
    }
    CheckTotal(card);
    CheckDeclaredArithmetic(card);
  }

 private:
  bool Differs(double declared, double recomputed) const {
    return std::abs(RoundTo(declared - recomputed, decimals_)) >= unit_;
  }

  // A DECLARED_ABOVE/BELOW_RECOMPUTED finding whose message reads
  // "declared <what> D/M, recomputed R…": begun here with "declared ", the
  // caller writes <what> and AppendFigures the rest, then its path.
  v1::Finding& AddDifference(double declared, double recomputed) {
    const bool above = declared > recomputed;
    v1::Finding& finding = AddFinding(
        findings_, above ? finding::kDeclaredAboveRecomputed : finding::kDeclaredBelowRecomputed,
        above ? v1::SEVERITY_WARNING : v1::SEVERITY_INFO);
    finding.mutable_message()->append("declared ");
    return finding;
  }

  void AppendFigures(double declared, double max, double recomputed, std::string& message) const {
    AppendText(message, " ", Figure{declared}, "/", Figure{max}, ", recomputed ",
               Figure{recomputed, decimals_});
  }

  // "indicator 产出-6 商贸业项目申报验收工作完成情况 was completed at 0%, 0/1.25".
  static void AppendCause(const v1::ScoreLine& sub, std::string& out) {
    AppendText(out, "indicator ", sub.indicator_id(), " ", sub.name());
    if (sub.has_completion_percent()) {
      AppendText(out, " was completed at ", Percent{sub.completion_percent()});
    } else {
      AppendText(out, " (", sub.reason_code(), ")");
    }
    AppendText(out, ", ", Figure{sub.points()}, "/", Figure{sub.max()});
  }

  // The sub-lines that lost the most points explain an item's difference: the
  // first kCausesNamed of a stable sort by points lost, largest first.
  void AppendCauses(const v1::ScoreLine& line, std::string& out) const {
    const auto lost = [](const v1::ScoreLine& sub) { return sub.max() - sub.points(); };
    std::vector<bool> named(line.sub_lines_size(), false);
    for (int n = 0; n < kCausesNamed; ++n) {
      int largest = -1;
      for (int i = 0; i < line.sub_lines_size(); ++i) {
        const v1::ScoreLine& sub = line.sub_lines(i);
        if (named[i] || SameScore(sub.points(), sub.max(), decimals_)) continue;
        if (largest < 0 || lost(sub) > lost(line.sub_lines(largest))) largest = i;
      }
      if (largest < 0) return;
      named[largest] = true;
      out.append(n == 0 ? ": " : "; ");
      AppendCause(line.sub_lines(largest), out);
    }
  }

  void AppendItemPath(const v1::ScoreLine& line, std::string& out) const {
    const v1::AssessedItem* assessed = index_.FindAssessedItem(line.item_code());
    if (assessed == nullptr) {
      out.append(line.item_code());
      return;
    }
    AppendAssessedItemPath(report_, *assessed, out);
    out.append(".declared_score");
  }

  // The report path of an indicator line, from an index built on first use.
  void AppendIndicatorPath(const v1::ScoreLine& sub, std::string& out) {
    if (!paths_.has_value()) {
      paths_.emplace();
      paths_->reserve(index_.indicators().size());
      for (const SelectedIndicator& s : index_.indicators()) {
        paths_->try_emplace({s.indicator->id(), s.indicator->name()}, &s.location);
      }
    }
    const auto it = paths_->find(
        std::make_pair(absl::string_view(sub.indicator_id()), absl::string_view(sub.name())));
    if (it == paths_->end()) {
      AppendText(out, sub.item_code(), "/", sub.indicator_id());
      return;
    }
    AppendFieldPath(*it->second, out);
    out.append(".declared_score");
  }

  void CheckLine(const v1::ScoreLine& line) {
    for (const v1::ScoreLine& sub : line.sub_lines()) {
      if (sub.provenance() == v1::PROVENANCE_RECOMPUTED && sub.has_declared_points() &&
          Differs(sub.declared_points(), sub.points())) {
        v1::Finding& finding = AddDifference(sub.declared_points(), sub.points());
        std::string& message = *finding.mutable_message();
        AppendText(message, "indicator ", sub.indicator_id(), " ", sub.name());
        AppendFigures(sub.declared_points(), sub.max(), sub.points(), message);
        AppendIndicatorPath(sub, *finding.mutable_field_path());
      }
    }
    if (line.provenance() != v1::PROVENANCE_RECOMPUTED || !line.has_declared_points() ||
        !Differs(line.declared_points(), line.points())) {
      return;
    }
    v1::Finding& finding = AddDifference(line.declared_points(), line.points());
    std::string& message = *finding.mutable_message();
    message.append(line.name());
    AppendFigures(line.declared_points(), line.max(), line.points(), message);
    AppendCauses(line, message);
    AppendItemPath(line, *finding.mutable_field_path());
  }

  void CheckGroup(const v1::ScoreGroup& group) {
    if (!group.has_declared_points() || !Differs(group.declared_points(), group.points())) return;
    v1::Finding& finding = AddDifference(group.declared_points(), group.points());
    std::string& message = *finding.mutable_message();
    message.append(group.name());
    AppendFigures(group.declared_points(), group.max(), group.points(), message);
    bool first = true;
    for (const v1::ScoreLine& line : group.lines()) {
      if (line.has_declared_points() && Differs(line.declared_points(), line.points())) {
        AppendText(message, first ? ": " : "; ", line.name(), " ", Figure{line.declared_points()},
                   " → ", Figure{line.points()});
        first = false;
      }
    }
    AppendText(*finding.mutable_field_path(), "declared.subtotals[", group.code(), "]");
  }

  void CheckTotal(const v1::ScoreCard& card) {
    if (!card.has_declared_total()) return;
    if (!card.complete()) return;  // a partial total says nothing about the claim
    if (Differs(card.declared_total(), card.total())) {
      v1::Finding& finding = AddDifference(card.declared_total(), card.total());
      finding.mutable_message()->append("total");
      AppendFigures(card.declared_total(), card.max(), card.total(), *finding.mutable_message());
      finding.set_field_path("declared.total");
    }
    if (!card.declared_grade().empty() && card.declared_grade() != card.grade()) {
      v1::Finding& finding =
          AddFinding(findings_, finding::kDeclaredGradeMismatch, v1::SEVERITY_WARNING);
      finding.set_field_path("declared.grade");
      AppendText(*finding.mutable_message(), "declared grade ", card.declared_grade(),
                 ", but the recomputed total ", Figure{card.total()}, " grades ", card.grade());
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
        v1::Finding& finding =
            AddFinding(findings_, finding::kDeclaredSumMismatch, v1::SEVERITY_WARNING);
        AppendText(*finding.mutable_field_path(), "declared.subtotals[", group.code(), "]");
        AppendText(*finding.mutable_message(), "declared ", group.name(), " ",
                   Figure{group.declared_points()}, ", but its declared items add up to ",
                   Figure{items, decimals_});
      }
    }
    if (report_.declared().has_total() && all_subtotals &&
        Differs(report_.declared().total(), subtotals)) {
      v1::Finding& finding =
          AddFinding(findings_, finding::kDeclaredSumMismatch, v1::SEVERITY_WARNING);
      finding.set_field_path("declared.total");
      AppendText(*finding.mutable_message(), "declared total ", Figure{report_.declared().total()},
                 ", but the declared subtotals add up to ", Figure{subtotals, decimals_});
    }
  }

  const v1::EvaluationReport& report_;
  const ReportIndex& index_;
  const int decimals_;
  const double unit_;
  Findings& findings_;
  // (id, name) → where; the first indicator wins when a report repeats one.
  std::optional<absl::flat_hash_map<std::pair<absl::string_view, absl::string_view>,
                                    const IndicatorLocation*>>
      paths_;
};

}  // namespace

void VerifyDeclaredScores(const v1::ScoreCard& card, const v1::EvaluationReport& report,
                          const ReportIndex& index, int decimals, Findings& findings) {
  Verifier(report, index, decimals, findings).Run(card);
}

}  // namespace jixiao::scoring
