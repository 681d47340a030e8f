#pragma once

// Shared by the scoring tests: the shipped schemes and the seed reports.
// (services/scoring/engine/scorecard_text.h prints scorecards.)

#include <optional>
#include <ostream>
#include <string>

#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/scheme.pb.h"
#include "jixiao/v1/scorecard.pb.h"
#include "services/scoring/engine/checks/findings.h"
#include "services/scoring/scheme/prepared_scheme.h"

namespace jixiao::scoring::testing {

// services/scoring/schemes under JIXIAO_SOURCE_DIR.
std::string SchemesDir();

// A shipped scheme by id (latest version), loaded through the loader and the
// lock; fails the calling test when it does not load.
v1::Scheme ShippedScheme(const std::string& id, int version = 0);

// `scheme` prepared for the engine. A test's scheme must be valid: an invalid
// one fails the test and aborts it (there is nothing to score with).
PreparedScheme Prepared(v1::Scheme scheme);

// Prepared(ShippedScheme(id)).
PreparedScheme ShippedPreparedScheme(const std::string& id, int version = 0);

// data/seeds/<name>.json as a report; fails the calling test when it cannot be read.
v1::EvaluationReport SeedReport(const std::string& name);

// The example schemes of services/scoring/schemes/README.md, as text: the
// first (the district department example) or the `index`-th textproto block.
std::string ReadmeExampleText(int index = 0);

// A scheme parsed from text (no validation), for unit tests of the engine.
v1::Scheme SchemeFromText(const std::string& text);

// One indicator scored and explained under `rules`, as item "item" would.
struct ExplainedIndicator {
  v1::ScoreLine line;
  Findings findings;
};
ExplainedIndicator ScoreOneIndicator(const v1::Indicator& indicator,
                                     const v1::IndicatorRules& rules, double weight,
                                     std::optional<double> stated_weight = std::nullopt);

}  // namespace jixiao::scoring::testing
