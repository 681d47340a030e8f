#include "tests/services/scoring/engine/scoring_test_support.h"

#include <cstdlib>
#include <iostream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/domain/report_json/json_codec.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "jixiao/v1/finding.pb.h"
#include "services/scoring/engine/indicators/indicator_explanation.h"
#include "services/scoring/engine/indicators/indicator_flags.h"
#include "services/scoring/engine/indicators/indicator_scoring.h"
#include "services/scoring/scheme/effective_rules.h"
#include "services/scoring/scheme/scheme_loader.h"
#include "tests/support/source_dir.h"

namespace jixiao::scoring::testing {

std::string SchemesDir() { return jixiao::testing::SourcePath("services/scoring/schemes"); }

v1::Scheme ShippedScheme(const std::string& id, int version) {
  absl::StatusOr<SchemeDirectory> dir = LoadSchemeDirectory(SchemesDir());
  EXPECT_TRUE(dir.ok()) << dir.status();
  if (!dir.ok()) return {};
  for (const absl::Status& refused : dir->refused) ADD_FAILURE() << refused;
  const v1::Scheme* scheme = dir->schemes.Find(id, version);
  EXPECT_NE(scheme, nullptr) << "no scheme " << id;
  return scheme == nullptr ? v1::Scheme() : *scheme;
}

PreparedScheme Prepared(v1::Scheme scheme) {
  absl::StatusOr<PreparedScheme> prepared = PreparedScheme::Prepare(std::move(scheme));
  if (!prepared.ok()) {
    ADD_FAILURE() << prepared.status();
    std::cerr << "test scheme does not prepare: " << prepared.status() << "\n";
    std::abort();
  }
  return *std::move(prepared);
}

PreparedScheme ShippedPreparedScheme(const std::string& id, int version) {
  return Prepared(ShippedScheme(id, version));
}

v1::EvaluationReport SeedReport(const std::string& name) {
  v1::EvaluationReport report;
  const std::string json =
      jixiao::testing::ReadSourceFile(absl::StrCat("data/seeds/", name, ".json"));
  const absl::Status parsed = report_json::ParseJson(json, &report);
  EXPECT_TRUE(parsed.ok()) << name << ": " << parsed;
  return report;
}

std::string ReadmeExampleText(int index) {
  const std::string readme = jixiao::testing::ReadSourceFile("services/scoring/schemes/README.md");
  const std::string fence = "```textproto\n";
  size_t begin = readme.find(fence);
  for (int i = 0; i < index && begin != std::string::npos; ++i) {
    begin = readme.find(fence, begin + fence.size());
  }
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

ExplainedIndicator ScoreOneIndicator(const v1::Indicator& indicator,
                                     const v1::IndicatorRules& rules, double weight,
                                     std::optional<double> stated_weight) {
  SelectedIndicator selected;
  selected.indicator = &indicator;
  selected.level1_code = Level1CodeOf(indicator);
  selected.level1_number = Level1Number(selected.level1_code);
  selected.stated_weight = stated_weight;
  ParsedValueStore parsed_values;
  IndicatorScore score;
  // The engine scores with rules whose curves are resolved, as a prepared scheme holds them.
  absl::StatusOr<v1::IndicatorRules> resolved = ResolveIndicatorRules(rules, v1::IndicatorRules());
  EXPECT_TRUE(resolved.ok()) << resolved.status();
  const v1::IndicatorRules& scored = resolved.ok() ? *resolved : rules;
  ScoreIndicator(selected, weight, scored, 2, parsed_values, score);
  ExplainedIndicator explained;
  ExplainIndicator(score, scored, "item", 2, explained.line);
  AddIndicatorFlags(score, scored, explained.findings);
  return explained;
}

}  // namespace jixiao::scoring::testing
