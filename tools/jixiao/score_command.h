#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace jixiao::cli {

// jixiao score FILE|DIR… [--scheme ID[@VERSION]] [--schemes DIR] [--explain] [--json]
// Scores reports under one scheme, offline: a comparison table with the declared
// score beside the recomputed one, or every scorecard line by line (--explain),
// or the scorecards as JSON (--json). A file that cannot be read or is not a
// report is named on `err` with the reason, and the command exits 1 after
// scoring the others; a target table beside the reports is skipped.
int RunScore(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunScore(const std::vector<std::string>& args);

// jixiao schemes [--schemes DIR]: the scoring schemes a directory holds, and
// the files it refuses with file, line and reason.
int RunSchemes(const std::vector<std::string>& args);

}  // namespace jixiao::cli
