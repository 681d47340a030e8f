#include "services/scoring/engine/explanation/scorecard_text.h"

#include <string>

#include "jixiao/v1/finding.pb.h"

namespace jixiao::scoring {
namespace {

std::string ProvenanceWord(v1::Provenance provenance) {
  switch (provenance) {
    case v1::PROVENANCE_RECOMPUTED:
      return "recomputed";
    case v1::PROVENANCE_DECLARED:
      return "declared";
    case v1::PROVENANCE_MISSING:
      return "MISSING";
    default:
      return "?";
  }
}

void PrintLine(const v1::ScoreLine& line, int depth, std::ostream& out) {
  out << std::string(2 * depth, ' ') << "- " << line.item_code();
  if (!line.indicator_id().empty()) out << " [" << line.indicator_id() << "]";
  out << " " << line.name() << ": " << line.points() << "/" << line.max() << " ("
      << ProvenanceWord(line.provenance()) << ", " << line.rule() << ", " << line.reason_code();
  if (line.has_declared_points()) out << ", declared " << line.declared_points();
  if (line.has_completion_percent()) out << ", completion " << line.completion_percent() << "%";
  out << ")\n" << std::string(2 * depth + 4, ' ') << line.explanation() << "\n";
  for (const v1::ScoreLine& sub : line.sub_lines()) PrintLine(sub, depth + 1, out);
}

}  // namespace

void PrintScoreCard(const v1::ScoreCard& card, std::ostream& out) {
  out << "=== " << card.department().name() << " " << card.fiscal_year() << " under "
      << card.scheme().id() << " v" << card.scheme().version()
      << (card.variant().empty() ? "" : " variant " + card.variant()) << "\n";
  for (const v1::ScoreGroup& group : card.groups()) {
    out << group.name() << " (" << group.code() << "): " << group.points() << "/" << group.max();
    if (group.has_declared_points()) out << ", declared " << group.declared_points();
    out << "\n";
    for (const v1::ScoreLine& line : group.lines()) PrintLine(line, 1, out);
  }
  out << "total " << card.total() << "/" << card.max() << ", grade " << card.grade()
      << ", complete " << (card.complete() ? "yes" : "no") << ", recomputed share "
      << card.recomputed_share();
  if (card.has_declared_total()) out << ", declared " << card.declared_total();
  out << "\n";
  for (const std::string& missing : card.missing()) out << "missing: " << missing << "\n";
  for (const v1::Finding& finding : card.findings()) {
    out << "finding " << finding.code() << " [" << v1::Severity_Name(finding.severity()) << "] "
        << finding.field_path() << ": " << finding.message() << "\n";
  }
  out << "signals: " << card.signals().ShortDebugString() << "\n";
}

}  // namespace jixiao::scoring
