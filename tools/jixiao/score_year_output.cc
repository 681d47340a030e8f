#include "tools/jixiao/score_year_output.h"

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"

namespace jixiao::cli {
namespace {

std::string Elapsed(const jixiao::v1::ScoreYearProgress& progress) {
  return absl::FormatDuration(absl::Milliseconds(progress.elapsed_ms()));
}

std::string SchemeName(const jixiao::v1::SchemeRef& scheme) {
  return absl::StrCat(scheme.id(), " v", scheme.version());
}

}  // namespace

void ScoreYearOutcome::Add(const jixiao::v1::ScoreYearProgress& progress) {
  jixiao::v1::ScoreYearProgress next = progress;
  next.clear_failures();
  next.mutable_failures()->Swap(total_.mutable_failures());  // those named before
  next.mutable_failures()->MergeFrom(progress.failures());
  total_ = std::move(next);
}

std::string ProgressLine(const jixiao::v1::ScoreYearProgress& progress) {
  return absl::StrCat(progress.fiscal_year(), " ", SchemeName(progress.scheme()), ": ",
                      progress.scored(), " of ", progress.reports(), " reports scored, ",
                      progress.failed(), " failed (", Elapsed(progress), ")");
}

std::string FailureLine(const jixiao::v1::ScoreYearFailure& failure) {
  return absl::StrCat("FAILED ", failure.report_id(), ": ", failure.message());
}

void PrintScoreYearSummary(const jixiao::v1::ScoreYearProgress& total, std::ostream& out) {
  out << total.fiscal_year() << " under " << SchemeName(total.scheme()) << ": " << total.reports()
      << " reports, " << total.scored() << " scored (" << total.complete() << " complete, ranked; "
      << total.incomplete() << " incomplete), " << total.failed() << " failed, in "
      << Elapsed(total) << "\n";
  if (total.failures_size() == 0) return;
  out << "failed";
  if (total.failed() > total.failures_size()) {
    out << " (the first " << total.failures_size() << " of " << total.failed() << ")";
  }
  out << ":\n";
  for (const jixiao::v1::ScoreYearFailure& failure : total.failures()) {
    out << "  " << failure.report_id() << ": " << failure.message() << "\n";
  }
}

}  // namespace jixiao::cli
