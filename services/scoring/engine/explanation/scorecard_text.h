#pragma once

// A scorecard as readable text, line by line: every group, line and sub-line with
// its points, maximum, provenance, rule, reason code and explanation, then the
// total, what is missing, the findings and the inflation signals.

#include <ostream>

#include "jixiao/v1/scorecard.pb.h"

namespace jixiao::scoring {

void PrintScoreCard(const v1::ScoreCard& card, std::ostream& out);

}  // namespace jixiao::scoring
