#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace jixiao::cli {

// Where `jixiao score-year` writes: progress and failures as they come to
// `err`; the summary (with --json, the whole run as one JSON object) to `out`.
struct ScoreYearStreams {
  std::ostream& out;
  std::ostream& err;
};

// jixiao score-year --year Y [--scheme ID[@V]] [--scoring HOST:PORT] [--timeout S] [--json]
// ScoringService.ScoreYear: scores every stored report of a year into the
// scorecard cache and the rankings. Exit code 1 when the call failed or any
// report did.
int RunScoreYear(const std::vector<std::string>& args, const ScoreYearStreams& streams);

// The same on stdout and stderr.
int RunScoreYear(const std::vector<std::string>& args);

}  // namespace jixiao::cli
