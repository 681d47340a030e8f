#pragma once

// Random reports for the scorecard golden test: every branch the engine has
// (values of every kind, as text or parsed, weights on indicators and on key
// tasks, declared scores in and out of range, assessed items at any depth,
// special funds, declared totals, subtotals and grades) from a fixed seed, so
// that every run scores the same reports.

#include <random>
#include <string>
#include <vector>

#include "jixiao/v1/report.pb.h"

namespace jixiao::scoring::testing {

// `item_codes`: the codes the assessed items may take (a scheme's item and
// sub-item codes, plus some no scheme knows). `group_codes`: for the declared subtotals.
v1::EvaluationReport RandomReport(std::mt19937& rng, const std::vector<std::string>& item_codes,
                                  const std::vector<std::string>& group_codes);

}  // namespace jixiao::scoring::testing
