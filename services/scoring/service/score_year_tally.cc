#include "services/scoring/service/score_year_tally.h"

#include <utility>

namespace jixiao::scoring {

ScoreYearTally::ScoreYearTally(jixiao::v1::SchemeRef scheme, int fiscal_year, absl::Time started,
                               ProgressCadence cadence)
    : started_(started), cadence_(cadence), sent_at_(started) {
  *totals_.mutable_scheme() = std::move(scheme);
  totals_.set_fiscal_year(fiscal_year);
}

void ScoreYearTally::Listed(int64_t reports) {
  if (reports == 0) return;
  totals_.set_reports(totals_.reports() + reports);
  changed_ = true;
}

void ScoreYearTally::Scored(bool complete) {
  totals_.set_scored(totals_.scored() + 1);
  if (complete) {
    totals_.set_complete(totals_.complete() + 1);
  } else {
    totals_.set_incomplete(totals_.incomplete() + 1);
  }
  changed_ = true;
}

void ScoreYearTally::Failed(std::string report_id, std::string message) {
  totals_.set_failed(totals_.failed() + 1);
  changed_ = true;
  // Past the limit a failure is only counted: a whole year failing for one
  // cause (ingest down) would otherwise repeat that cause thousands of times.
  if (named_ >= kMaxNamedFailures) return;
  ++named_;
  jixiao::v1::ScoreYearFailure& failure = unsent_.emplace_back();
  failure.set_report_id(std::move(report_id));
  failure.set_message(std::move(message));
}

bool ScoreYearTally::ProgressDue(absl::Time now) const {
  if (!changed_) return false;
  return finished() - finished_when_sent_ >= cadence_.reports ||
         now - sent_at_ >= cadence_.interval;
}

jixiao::v1::ScoreYearProgress ScoreYearTally::TakeProgress(absl::Time now, bool done) {
  jixiao::v1::ScoreYearProgress progress = totals_;
  for (jixiao::v1::ScoreYearFailure& failure : unsent_) {
    *progress.add_failures() = std::move(failure);
  }
  unsent_.clear();
  progress.set_done(done);
  progress.set_elapsed_ms(absl::ToInt64Milliseconds(now - started_));
  changed_ = false;
  finished_when_sent_ = finished();
  sent_at_ = now;
  return progress;
}

}  // namespace jixiao::scoring
