#pragma once
// The bookkeeping of one ScoreYear call, apart from gRPC and threads: what has
// been counted, which failures are still to be named, when a progress message
// is due, and the message itself. The caller serializes access and passes the
// time, so that every decision can be tested without a clock.
#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "jixiao/v1/scoring_service.pb.h"

namespace jixiao::scoring {

// How often progress is sent: once this many reports have finished since the
// last message, or this long after it, whichever comes first; and only when
// something has changed.
struct ProgressCadence {
  int64_t reports = 500;
  absl::Duration interval = absl::Seconds(1);
};

class ScoreYearTally {
 public:
  // The contract names at most this many failures in a whole call.
  static constexpr int kMaxNamedFailures = 100;

  // `scheme` is the resolved scheme; `started` when the call began.
  ScoreYearTally(jixiao::v1::SchemeRef scheme, int fiscal_year, absl::Time started,
                 ProgressCadence cadence = {});

  // A page of the year's listing with this many reports.
  void Listed(int64_t reports);
  // A report scored and cached (or found cached); complete cards are ranked.
  void Scored(bool complete);
  // A report that could not be scored or cached, with why.
  void Failed(std::string report_id, std::string message);

  // Reports scored or failed so far.
  int64_t finished() const { return totals_.scored() + totals_.failed(); }
  const jixiao::v1::ScoreYearProgress& totals() const { return totals_; }

  // Whether a progress message should be sent at `now`.
  bool ProgressDue(absl::Time now) const;

  // The message to send at `now`: the counts so far and the failures not named
  // in an earlier message. The cadence counts again from here.
  jixiao::v1::ScoreYearProgress TakeProgress(absl::Time now, bool done);

 private:
  const absl::Time started_;
  const ProgressCadence cadence_;
  // Scheme, year and counts; never any failures (those wait in unsent_).
  jixiao::v1::ScoreYearProgress totals_;
  std::vector<jixiao::v1::ScoreYearFailure> unsent_;
  int named_ = 0;         // failures kept for naming, sent or not
  bool changed_ = false;  // since the last message
  int64_t finished_when_sent_ = 0;
  absl::Time sent_at_;
};

}  // namespace jixiao::scoring
