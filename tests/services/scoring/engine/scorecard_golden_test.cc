// The engine's output, pinned byte for byte: any change to a single figure,
// word or field of a scorecard fails here. The seed reports and the benchmark's
// 30-indicator report are compared as text (testdata/*_scorecards.txt, diffable);
// the benchmark's 300-indicator report, hundreds of random reports and the 2024
// target table's projects, under every shipped scheme and under schemes that
// switch on the other rules, by the SHA-256 of their text
// (testdata/scorecard_digests.txt).
//
// The golden files are produced, never edited by hand. After an intended change
// of output, regenerate them and review the diff:
//
//   JIXIAO_UPDATE_GOLDEN=1 ctest --test-dir build -R scoring_scorecard_golden_test
//
// JIXIAO_GOLDEN_DUMP_DIR=<dir> also writes every card's text to <dir>, one file
// per case, to find what changed behind a digest.

#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "common/domain/content_hash/sha256.h"
#include "common/domain/normalization/report_normalizer.h"
#include "common/domain/report_json/json_codec.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "jixiao/v1/target_table.pb.h"
#include "services/scoring/engine/score_engine.h"
#include "services/scoring/scheme/scheme_parser.h"
#include "tests/services/scoring/engine/random_reports.h"
#include "tests/services/scoring/engine/scoring_test_support.h"
#include "tests/services/scoring/engine/synthesized_report.h"
#include "tests/support/source_dir.h"

namespace jixiao::scoring {
namespace {

constexpr char kSeedGolden[] = "tests/services/scoring/engine/testdata/seed_scorecards.txt";
constexpr char kBenchGolden[] = "tests/services/scoring/engine/testdata/bench_scorecards.txt";
constexpr char kDigestGolden[] = "tests/services/scoring/engine/testdata/scorecard_digests.txt";
constexpr char kSectionMark[] = "### ";
constexpr int kRandomReports = 300;

struct NamedScheme {
  std::string name;
  PreparedScheme prepared;
};

bool Updating() { return std::getenv("JIXIAO_UPDATE_GOLDEN") != nullptr; }

std::string CardText(const absl::StatusOr<v1::ScoreCard>& card) {
  if (!card.ok()) return absl::StrCat("error: ", card.status().ToString(), "\n");
  google::protobuf::TextFormat::Printer printer;
  printer.SetUseUtf8StringEscaping(true);  // Chinese stays readable in the diff
  std::string text;
  printer.PrintToString(*card, &text);
  return text;
}

std::string ScoredText(const v1::EvaluationReport& report, const PreparedScheme& scheme) {
  return CardText(ScoreReport(report, scheme));
}

void Dump(const std::string& name, const std::string& text) {
  const char* dir = std::getenv("JIXIAO_GOLDEN_DUMP_DIR");
  if (dir == nullptr) return;
  std::ofstream(absl::StrCat(dir, "/", absl::StrReplaceAll(name, {{"/", "_"}}), ".txt")) << text;
}

// Where `actual` departs from `expected`, line by line, readably.
std::string FirstDifference(const std::string& expected, const std::string& actual) {
  const std::vector<absl::string_view> want = absl::StrSplit(expected, '\n');
  const std::vector<absl::string_view> got = absl::StrSplit(actual, '\n');
  for (size_t i = 0; i < want.size() || i < got.size(); ++i) {
    const absl::string_view w = i < want.size() ? want[i] : "(end)";
    const absl::string_view g = i < got.size() ? got[i] : "(end)";
    if (w != g) return absl::StrCat(" differs at line ", i + 1, ":\n want ", w, "\n  got ", g);
  }
  return " is the same";
}

// Checks `sections` (name → text) against the golden file, or rewrites it.
void CheckSections(const char* golden_path,
                   const std::vector<std::pair<std::string, std::string>>& sections) {
  std::string actual;
  for (const auto& [name, text] : sections) {
    Dump(name, text);
    absl::StrAppend(&actual, kSectionMark, name, "\n", text);
  }
  if (Updating()) {
    std::ofstream(jixiao::testing::SourcePath(golden_path), std::ios::binary) << actual;
    return;
  }
  const std::string golden = jixiao::testing::ReadSourceFile(golden_path);
  if (golden == actual) return;
  // Name the cases that differ, each with its own diff.
  std::map<std::string, std::string> expected;
  for (absl::string_view section : absl::StrSplit(golden, kSectionMark, absl::SkipEmpty())) {
    const size_t newline = section.find('\n');
    expected[std::string(section.substr(0, newline))] = std::string(section.substr(newline + 1));
  }
  for (const auto& [name, text] : sections) {
    if (text != expected[name]) ADD_FAILURE() << name << FirstDifference(expected[name], text);
  }
  EXPECT_EQ(expected.size(), sections.size()) << golden_path << ": cases added or removed";
}

const std::vector<NamedScheme>& ShippedSchemes() {
  static const auto* const schemes = [] {
    auto* all = new std::vector<NamedScheme>();
    // Version 1 of each: the cards pinned before the scheme language existed.
    for (const char* id : {"guangzhou-department", "mof-2020-10", "mof-2021-101"}) {
      all->push_back({id, testing::ShippedPreparedScheme(id, 1)});
    }
    absl::StatusOr<SchemeFile> example =
        ParseSchemeFile("example.textproto", testing::ReadmeExampleText());
    EXPECT_TRUE(example.ok()) << example.status();
    if (example.ok()) all->push_back({"readme-example", testing::Prepared(example->scheme)});
    return all;
  }();
  return *schemes;
}

// Shipped schemes with their rules switched to those no shipped scheme uses
// (stepwise completion, flagged and harsher over-completion, declared scores
// for missing values, item overrides), so that the digests cover every rule.
std::vector<NamedScheme> RuleVariantSchemes() {
  const std::vector<NamedScheme>& shipped = ShippedSchemes();
  v1::Scheme stepwise = shipped[0].prepared.scheme();
  google::protobuf::TextFormat::ParseFromString(
      "curve: COMPLETION_CURVE_STEPWISE "
      "steps { min_percent: 50 fraction: 0.4 } steps { min_percent: 80 fraction: 0.8 } "
      "steps { min_percent: 100 fraction: 1 } "
      "over_completion { policy: OVER_COMPLETION_POLICY_FLAG threshold_percent: 130 } "
      "qualitative { achieved: 1 partially_achieved: 0.8 not_achieved: 0.6 } "
      "missing_value: MISSING_VALUE_POLICY_DECLARED_ELSE_ZERO "
      "satisfaction_steps { min_percent: 60 fraction: 0.5 } "
      "satisfaction_steps { min_percent: 90 fraction: 1 }",
      stepwise.mutable_indicator_rules());
  google::protobuf::TextFormat::ParseFromString(
      "over_completion { policy: OVER_COMPLETION_POLICY_PENALIZE threshold_percent: 120 "
      "penalty_fraction: 1 } "
      "qualitative { achieved: 0.9 partially_achieved: 0.5 not_achieved: 0 }",
      stepwise.mutable_groups(0)->mutable_items(1)->mutable_indicator_rules());
  stepwise.set_id("guangzhou-stepwise");

  v1::Scheme declared = shipped[1].prepared.scheme();
  google::protobuf::TextFormat::ParseFromString(
      "curve: COMPLETION_CURVE_THRESHOLD_60_LINEAR "
      "missing_value: MISSING_VALUE_POLICY_DECLARED_ELSE_ZERO "
      "satisfaction_steps { min_percent: 70 fraction: 0.6 } "
      "satisfaction_steps { min_percent: 95 fraction: 1 }",
      declared.mutable_groups(0)->mutable_items(1)->mutable_indicator_rules());
  declared.set_id("mof-2020-10-declared");
  declared.set_rounding_decimals(1);

  return {{"guangzhou-stepwise", testing::Prepared(stepwise)},
          {"mof-2020-10-declared", testing::Prepared(declared)}};
}

const std::vector<std::string>& SeedNames() {
  static const auto* const names = new std::vector<std::string>{
      "guangzhou-commerce-bureau-2023", "liwan-commerce-investment-bureau-2022",
      "tianhe-ccpit-2023", "tianhe-commerce-finance-bureau-2023"};
  return *names;
}

TEST(ScorecardGolden, SeedReportsUnderEveryShippedScheme) {
  std::vector<std::pair<std::string, std::string>> sections;
  for (const std::string& seed : SeedNames()) {
    const v1::EvaluationReport submitted = testing::SeedReport(seed);
    const v1::EvaluationReport normalized = normalization::NormalizeReport(submitted);
    for (const NamedScheme& scheme : ShippedSchemes()) {
      sections.emplace_back(absl::StrCat(seed, "/submitted@", scheme.name),
                            ScoredText(submitted, scheme.prepared));
      sections.emplace_back(absl::StrCat(seed, "/normalized@", scheme.name),
                            ScoredText(normalized, scheme.prepared));
    }
  }
  CheckSections(kSeedGolden, sections);
}

TEST(ScorecardGolden, BenchmarkReports) {
  const PreparedScheme& scheme = ShippedSchemes()[0].prepared;
  std::vector<std::pair<std::string, std::string>> sections;
  for (bool pre_parsed : {false, true}) {
    sections.emplace_back(absl::StrCat("bench/30", pre_parsed ? "/pre-parsed" : "/text"),
                          ScoredText(testing::SynthesizedReport(30, pre_parsed), scheme));
  }
  CheckSections(kBenchGolden, sections);
}

// The 2024 target table's projects as project reports: targets only (every
// actual missing), then with each target met exactly.
std::vector<v1::EvaluationReport> TargetTableProjects() {
  v1::ProjectTargetTable table;
  const absl::Status parsed = report_json::ParseJson(
      jixiao::testing::ReadSourceFile(
          "data/seeds/tianhe-commerce-finance-bureau-2024-project-targets.json"),
      &table);
  EXPECT_TRUE(parsed.ok()) << parsed;
  std::vector<v1::EvaluationReport> reports;
  for (bool met : {false, true}) {
    for (const v1::ProjectTarget& project : table.projects()) {
      v1::EvaluationReport report;
      report.set_report_id(absl::StrCat("440106:", project.name(), "/2024/project"));
      report.set_kind(v1::REPORT_KIND_PROJECT_SELF_EVALUATION);
      report.mutable_budget()->mutable_adjusted()->set_fen(project.total().fen());
      report.mutable_budget()->mutable_final()->set_fen(project.total().fen() * (met ? 1 : 0));
      v1::Project& scored = *report.add_projects();
      scored.set_name(project.name());
      for (const v1::Indicator& indicator : project.indicators()) {
        v1::Indicator& copy = *scored.add_indicators();
        copy = indicator;
        if (met) *copy.mutable_actual() = indicator.target();
      }
      reports.push_back(std::move(report));
    }
  }
  return reports;
}

void CollectCodes(const google::protobuf::RepeatedPtrField<v1::SchemeItem>& items,
                  std::vector<std::string>& codes) {
  for (const v1::SchemeItem& item : items) {
    codes.push_back(item.code());
    CollectCodes(item.sub_items(), codes);
  }
}

TEST(ScorecardGolden, RandomReportsAndTargetTableProjectsByDigest) {
  std::vector<NamedScheme> schemes = ShippedSchemes();
  for (NamedScheme& variant : RuleVariantSchemes()) schemes.push_back(std::move(variant));
  std::vector<std::string> item_codes = {"unknown.item"};
  std::vector<std::string> group_codes = {"unknown"};
  for (const NamedScheme& scheme : schemes) {
    for (const v1::SchemeGroup& group : scheme.prepared.scheme().groups()) {
      group_codes.push_back(group.code());
      CollectCodes(group.items(), item_codes);
    }
  }

  std::vector<std::pair<std::string, std::string>> cases;
  std::mt19937 rng(20240917);
  for (int r = 0; r < kRandomReports; ++r) {
    v1::EvaluationReport report = testing::RandomReport(rng, item_codes, group_codes);
    const v1::ReportKind own_kind = report.kind();
    for (const NamedScheme& scheme : schemes) {
      // Mostly of the scheme's kind; one in ten keeps its own, to be refused or not.
      report.set_kind(r % 10 == 0 ? own_kind : scheme.prepared.scheme().report_kind());
      cases.emplace_back(absl::StrCat("random/", r, "@", scheme.name),
                         ScoredText(report, scheme.prepared));
    }
  }
  // The benchmark's larger report: 300 indicators make too long a text to keep.
  for (bool pre_parsed : {false, true}) {
    cases.emplace_back(
        absl::StrCat("bench/300", pre_parsed ? "/pre-parsed" : "/text"),
        ScoredText(testing::SynthesizedReport(300, pre_parsed), schemes[0].prepared));
  }
  const std::vector<v1::EvaluationReport> projects = TargetTableProjects();
  for (size_t p = 0; p < projects.size(); ++p) {
    for (const NamedScheme& scheme : schemes) {
      cases.emplace_back(absl::StrCat("target-table/", p, "@", scheme.name),
                         ScoredText(projects[p], scheme.prepared));
    }
  }

  std::string actual;
  for (const auto& [name, text] : cases) {
    Dump(name, text);
    absl::StrAppend(&actual, name, " ", sha256::Sha256Hex(text), "\n");
  }
  if (Updating()) {
    std::ofstream(jixiao::testing::SourcePath(kDigestGolden), std::ios::binary) << actual;
    return;
  }
  const std::string golden = jixiao::testing::ReadSourceFile(kDigestGolden);
  if (golden == actual) return;
  const std::vector<std::string> expected_lines = absl::StrSplit(golden, '\n');
  const std::vector<std::string> actual_lines = absl::StrSplit(actual, '\n');
  int differing = 0;
  for (size_t i = 0; i < actual_lines.size() || i < expected_lines.size(); ++i) {
    const std::string& got = i < actual_lines.size() ? actual_lines[i] : "";
    const std::string& want = i < expected_lines.size() ? expected_lines[i] : "";
    if (got != want && ++differing <= 20) ADD_FAILURE() << "want " << want << "\n got " << got;
  }
  ADD_FAILURE() << differing << " digests differ (JIXIAO_GOLDEN_DUMP_DIR shows the cards)";
}

}  // namespace
}  // namespace jixiao::scoring
