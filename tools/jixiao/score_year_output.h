#pragma once

// What `jixiao score-year` prints: a progress line on stderr for each message of
// the stream and a line for each failure it names, then a summary of the
// whole run. Pure: the messages in, text out.

#include <ostream>
#include <string>

#include "jixiao/v1/scoring_service.pb.h"

namespace jixiao::cli {

// The stream gathered: the latest counts, and every failure named in any
// message (each message names only the failures the ones before did not).
class ScoreYearOutcome {
 public:
  void Add(const jixiao::v1::ScoreYearProgress& progress);

  // The last message's counts, with every failure named so far.
  const jixiao::v1::ScoreYearProgress& total() const { return total_; }
  bool done() const { return total_.done(); }

 private:
  jixiao::v1::ScoreYearProgress total_;
};

// "2023 guangzhou-department v1: 500 of 1200 reports scored, 3 failed (1.2s)"
std::string ProgressLine(const jixiao::v1::ScoreYearProgress& progress);

// "FAILED 440106:ccpit/2023/department: NOT_FOUND: ..."
std::string FailureLine(const jixiao::v1::ScoreYearFailure& failure);

// "2023 under guangzhou-department v1: 1200 reports, 1197 scored (1100 complete,
// ranked; 97 incomplete), 3 failed, in 4.21s", then the failures named, with how
// many went unnamed.
void PrintScoreYearSummary(const jixiao::v1::ScoreYearProgress& total, std::ostream& out);

}  // namespace jixiao::cli
