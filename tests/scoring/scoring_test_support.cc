#include "tests/scoring/scoring_test_support.h"

#include "absl/strings/str_cat.h"
#include "common/report_io/json_codec.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "jixiao/v1/finding.pb.h"
#include "services/scoring/scheme/scheme_loader.h"
#include "tests/support/source_dir.h"

namespace jixiao::scoring::testing {
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

std::string SchemesDir() { return jixiao::testing::SourcePath("services/scoring/schemes"); }

v1::Scheme ShippedScheme(const std::string& id) {
  absl::StatusOr<SchemeDirectory> dir = LoadSchemeDirectory(SchemesDir());
  EXPECT_TRUE(dir.ok()) << dir.status();
  if (!dir.ok()) return {};
  for (const absl::Status& refused : dir->refused) ADD_FAILURE() << refused;
  const v1::Scheme* scheme = dir->schemes.Find(id, 0);
  EXPECT_NE(scheme, nullptr) << "no scheme " << id;
  return scheme == nullptr ? v1::Scheme() : *scheme;
}

v1::EvaluationReport SeedReport(const std::string& name) {
  v1::EvaluationReport report;
  const std::string json =
      jixiao::testing::ReadSourceFile(absl::StrCat("data/seeds/", name, ".json"));
  const absl::Status parsed = report_io::ParseJson(json, &report);
  EXPECT_TRUE(parsed.ok()) << name << ": " << parsed;
  return report;
}

std::string ReadmeExampleText() {
  const std::string readme = jixiao::testing::ReadSourceFile("services/scoring/schemes/README.md");
  const std::string fence = "```textproto\n";
  const size_t begin = readme.find(fence);
  EXPECT_NE(begin, std::string::npos) << "no example in the README";
  if (begin == std::string::npos) return "";
  const size_t body = begin + fence.size();
  return readme.substr(body, readme.find("```", body) - body);
}

v1::Scheme SchemeFromText(const std::string& text) {
  v1::Scheme scheme;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &scheme)) << text;
  return scheme;
}

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

}  // namespace jixiao::scoring::testing
