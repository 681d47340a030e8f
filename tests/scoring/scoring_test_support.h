#pragma once

// Shared by the scoring tests: the shipped schemes and the seed reports.
// (services/scoring/engine/scorecard_text.h prints scorecards.)

#include <ostream>
#include <string>

#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/scheme.pb.h"
#include "jixiao/v1/scorecard.pb.h"

namespace jixiao::scoring::testing {

// services/scoring/schemes under JIXIAO_SOURCE_DIR.
std::string SchemesDir();

// A shipped scheme by id (latest version), loaded through the loader and the
// lock; fails the calling test when it does not load.
v1::Scheme ShippedScheme(const std::string& id);

// data/seeds/<name>.json as a report; fails the calling test when it cannot be read.
v1::EvaluationReport SeedReport(const std::string& name);

// The example scheme of services/scoring/schemes/README.md, as text.
std::string ReadmeExampleText();

// A scheme parsed from text (no validation), for unit tests of the engine.
v1::Scheme SchemeFromText(const std::string& text);

}  // namespace jixiao::scoring::testing
