#include "services/scoring/service/score_year.h"

#include <grpcpp/impl/codegen/server_context.h>

#include <algorithm>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "absl/functional/function_ref.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/platform/server/finish_now.h"
#include "common/platform/server/grpc_status.h"
#include "services/scoring/service/scheme_resolution.h"

namespace jixiao::scoring {
namespace {

using ProgressReactor = grpc::ServerWriteReactor<jixiao::v1::ScoreYearProgress>;

class ScoreYearReactor final : public ProgressReactor {
 public:
  ScoreYearReactor(grpc::CallbackServerContext* context, const PreparedScheme* scheme,
                   int fiscal_year, ScoreCardProvider* provider, WorkerPool* workers,
                   const ScoreYearOptions& options)
      : context_(context),
        scheme_(scheme),
        fiscal_year_(fiscal_year),
        provider_(provider),
        workers_(workers),
        concurrency_(static_cast<size_t>(std::max(1, options.concurrency))),
        tally_(RefOf(scheme->scheme()), fiscal_year, absl::Now(), options.cadence) {}

  // Lists the first page. Called once, by the handler.
  void Start() {
    Advance([] {});
  }

  void OnWriteDone(bool ok) override {
    Advance([this, ok] {
      writing_ = false;
      // A write fails only when the call is over (the client went away).
      if (!ok) cancelled_ = true;
    });
  }

  void OnCancel() override {
    Advance([this] { cancelled_ = true; });
  }

  void OnDone() override { delete this; }

 private:
  // What to do with the stream once the lock is released.
  enum class Step { kNothing, kWrite, kWriteLastAndFinish, kFinish };

  // Applies `update` under the lock, plans the next step, and carries it out
  // unlocked (gRPC may run a reaction on another thread at once). The step is
  // the caller's last use of `this`: once the call is finished, OnDone may
  // delete the reactor.
  void Advance(absl::FunctionRef<void()> update) {
    Step step;
    grpc::Status status;
    {
      std::lock_guard<std::mutex> lock(mu_);
      update();
      step = PlanLocked(absl::Now(), status);
    }
    switch (step) {
      case Step::kNothing:
        return;
      case Step::kWrite:
        StartWrite(&outgoing_);
        return;
      case Step::kWriteLastAndFinish:
        StartWriteAndFinish(&outgoing_, grpc::WriteOptions(), grpc::Status::OK);
        return;
      case Step::kFinish:
        Finish(status);
        return;
    }
  }

  bool StoppingLocked() const { return cancelled_ || !failure_.ok() || context_->IsCancelled(); }

  Step PlanLocked(absl::Time now, grpc::Status& status) {
    if (finished_) return Step::kNothing;
    if (!StoppingLocked()) DispatchLocked();
    // One write at a time: OnWriteDone plans again.
    if (writing_) return Step::kNothing;
    const bool idle = in_flight_ == 0 && !listing_;
    if (StoppingLocked()) {
      // The tasks under way use the call's context: finish only after them.
      if (!idle) return Step::kNothing;
      finished_ = true;
      status = !failure_.ok() && !cancelled_ && !context_->IsCancelled()
                   ? server::ToGrpcStatus(failure_)
                   : grpc::Status(grpc::StatusCode::CANCELLED, "ScoreYear cancelled");
      return Step::kFinish;
    }
    if (idle && listed_all_ && pending_.empty()) {
      finished_ = true;
      outgoing_ = tally_.TakeProgress(now, /*done=*/true);
      return Step::kWriteLastAndFinish;
    }
    if (!tally_.ProgressDue(now)) return Step::kNothing;
    writing_ = true;
    outgoing_ = tally_.TakeProgress(now, /*done=*/false);
    return Step::kWrite;
  }

  // Keeps `concurrency_` reports under way, and lists the next page once fewer
  // than that wait: a page ahead at most.
  void DispatchLocked() {
    while (in_flight_ < concurrency_ && !pending_.empty()) {
      if (!workers_->Submit([this, report = pending_.front()] { ScoreOne(report); })) {
        RefusedLocked();
        return;
      }
      pending_.pop_front();
      ++in_flight_;
    }
    if (!listing_ && !listed_all_ && pending_.size() < concurrency_) {
      if (!workers_->Submit([this] { ListNextPage(); })) {
        RefusedLocked();
        return;
      }
      listing_ = true;
    }
  }

  // The pool's queue is full. A task of ours still under way plans again when
  // it returns; with none, nothing would, and the call fails as ScoreReport
  // would.
  void RefusedLocked() {
    if (in_flight_ > 0 || listing_) return;
    failure_ = absl::ResourceExhaustedError("server busy: the queue for blocking work is full");
  }

  void ListNextPage() {
    std::string token;
    {
      std::lock_guard<std::mutex> lock(mu_);
      token = next_page_token_;
    }
    absl::StatusOr<ReportPage> page = provider_->reports().ListYear(context_, fiscal_year_, token);
    Advance([this, &page] {
      listing_ = false;
      if (!page.ok()) {
        failure_ = page.status();
        return;
      }
      int64_t listed = 0;
      for (jixiao::v1::ReportSummary& summary : page->reports) {
        if (!ScoredByScheme(summary.kind())) continue;
        pending_.push_back(std::move(*summary.mutable_ref()));
        ++listed;
      }
      tally_.Listed(listed);
      next_page_token_ = std::move(page->next_page_token);
      listed_all_ = next_page_token_.empty();
    });
  }

  // A scheme scores one kind of report; a year holds both kinds, and the
  // other kind is no more this scheme's to score than query would compare it
  // under this scheme. A summary that names no kind is tried.
  bool ScoredByScheme(jixiao::v1::ReportKind kind) const {
    return kind == jixiao::v1::REPORT_KIND_UNSPECIFIED || kind == scheme_->scheme().report_kind();
  }

  void ScoreOne(const jixiao::v1::ReportRef& report) {
    // A task that waited in the queue while the call ended does nothing.
    std::optional<absl::StatusOr<ProvidedCard>> provided;
    if (report.version() <= 0) {
      provided = absl::InternalError("ingest listed the report without a version");
    } else if (!context_->IsCancelled()) {
      provided = provider_->Provide(context_, *scheme_, report.report_id(), report.version(),
                                    std::nullopt);
    }
    Advance([this, &report, &provided] {
      --in_flight_;
      if (!provided.has_value()) return;
      if (!provided->ok()) {
        tally_.Failed(report.report_id(), provided->status().ToString());
      } else if (!(*provided)->cache_failure.ok()) {
        // Filling the cache is the point of the call: a card that is not
        // cached is not done.
        tally_.Failed(report.report_id(),
                      absl::StrCat("cache ", (*provided)->failed_cache_step, ": ",
                                   (*provided)->cache_failure.ToString()));
      } else {
        tally_.Scored((*provided)->entry.scorecard().complete());
      }
    });
  }

  grpc::CallbackServerContext* const context_;
  const PreparedScheme* const scheme_;
  const int fiscal_year_;
  ScoreCardProvider* const provider_;
  WorkerPool* const workers_;
  const size_t concurrency_;

  std::mutex mu_;
  ScoreYearTally tally_;                       // guarded by mu_
  std::deque<jixiao::v1::ReportRef> pending_;  // listed, not yet under way; guarded by mu_
  std::string next_page_token_;                // guarded by mu_
  bool listed_all_ = false;                    // guarded by mu_
  bool listing_ = false;                       // a page is being listed; guarded by mu_
  size_t in_flight_ = 0;                       // reports under way; guarded by mu_
  bool writing_ = false;                       // a write is outstanding; guarded by mu_
  bool cancelled_ = false;                     // guarded by mu_
  absl::Status failure_;                       // what ends the call; guarded by mu_
  bool finished_ = false;                      // Finish is called or planned; guarded by mu_
  jixiao::v1::ScoreYearProgress outgoing_;     // the message being written
};

}  // namespace

ProgressReactor* StartScoreYear(grpc::CallbackServerContext* context,
                                const jixiao::v1::ScoreYearRequest& request,
                                ScoreCardProvider& provider, WorkerPool& workers,
                                const ScoreYearOptions& options) {
  if (request.fiscal_year() <= 0) {
    return server::FinishStreamNow<jixiao::v1::ScoreYearProgress>(absl::InvalidArgumentError(
        absl::StrCat("fiscal_year: required (a year), got ", request.fiscal_year())));
  }
  absl::StatusOr<const PreparedScheme*> scheme = provider.Resolve(request.scheme());
  if (!scheme.ok()) return server::FinishStreamNow<jixiao::v1::ScoreYearProgress>(scheme.status());
  if (!provider.caching()) {
    return server::FinishStreamNow<jixiao::v1::ScoreYearProgress>(absl::FailedPreconditionError(
        "ScoreYear fills the scorecard cache and the rankings in Redis, and this service has "
        "no Redis configured (--redis, JIXIAO_REDIS_URL)"));
  }
  auto* reactor =
      new ScoreYearReactor(context, *scheme, request.fiscal_year(), &provider, &workers, options);
  reactor->Start();
  return reactor;
}

}  // namespace jixiao::scoring
