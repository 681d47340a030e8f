#include "services/ingest/service/submit_reports_reactor.h"

#include <memory>
#include <utility>

#include "services/ingest/service/submit_reports_ledger.h"

namespace jixiao::ingest {
namespace {

using jixiao::v1::SubmitReportRequest;
using jixiao::v1::SubmitReportsResponse;
using Next = SubmitReportsLedger::Next;

class SubmitReportsReactor final : public grpc::ServerReadReactor<SubmitReportRequest> {
 public:
  SubmitReportsReactor(ReportSubmitter& submitter, access::Principal caller,
                       grpc::CallbackServerContext* context, SubmitReportsResponse* response,
                       logging::Logger logger, int max_in_flight)
      : submitter_(submitter),
        caller_(std::move(caller)),
        caller_address_(context->peer()),
        context_(context),
        response_(response),
        logger_(logger),
        ledger_(std::make_shared<SubmitReportsLedger>(max_in_flight)) {
    StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {
      Act(this, ledger_->EndOfInput());
      return;
    }
    const int index = ledger_->Admit();
    // The answer keeps the ledger alive, not the reactor: once the ledger has
    // taken it, the reactor may be gone unless the ledger says to read or to
    // finish (see Act). The request buffer is read before Submit returns.
    submitter_.Submit(request_, caller_, caller_address_,
                      [this, ledger = ledger_, index](ReportSubmitter::Answer answer) {
                        Act(this, ledger->Complete(index, std::move(answer.report_id),
                                                   std::move(answer.response)));
                      });
    const Next next = ledger_->ReadHandled();
    if (next == Next::kPaused && !logged_pause_) {
      logged_pause_ = true;
      logger_.Debug("submit_reports_paused", {{"in_flight", ledger_->peak_in_flight()}});
    }
    Act(this, next);
  }

  void OnCancel() override { Act(this, ledger_->Cancel()); }

  // gRPC calls it last, after Finish, which the ledger allows only once every
  // report read has been answered: no answer can reach a deleted reactor.
  void OnDone() override { delete this; }

 private:
  // kRead comes only while the input is open and kFinish only once, so in
  // both cases the call is not finished and `reactor` is alive; any other
  // step must not touch it.
  static void Act(SubmitReportsReactor* reactor, Next next) {
    if (next == Next::kRead) reactor->StartRead(&reactor->request_);
    if (next == Next::kFinish) reactor->FinishCall();
  }

  void FinishCall() {
    // A read that failed because the call was cancelled marks the context
    // at once; OnCancel, and with it the ledger, may only hear of it later.
    const bool cancelled = ledger_->cancelled() || context_->IsCancelled();
    SubmitReportsResponse response = ledger_->TakeResponse();
    logger_.Info("reports_submitted", {{"reports", response.results_size()},
                                       {"stored", response.stored()},
                                       {"created", response.created()},
                                       {"refused", response.refused()},
                                       {"peak_in_flight", ledger_->peak_in_flight()},
                                       {"cancelled", cancelled}});
    if (cancelled) {
      Finish(grpc::Status(grpc::StatusCode::CANCELLED, "call cancelled"));
      return;
    }
    *response_ = std::move(response);
    Finish(grpc::Status::OK);
  }

  ReportSubmitter& submitter_;
  const access::Principal caller_;
  const std::string caller_address_;
  grpc::CallbackServerContext* const context_;
  SubmitReportsResponse* const response_;
  const logging::Logger logger_;
  // Shared with the pending answers, which may run while OnDone deletes the
  // reactor: the last of them still returns through the ledger's lock.
  const std::shared_ptr<SubmitReportsLedger> ledger_;
  // One read at a time: reused for each, and read by Submit before the next.
  SubmitReportRequest request_;
  bool logged_pause_ = false;  // only touched in OnReadDone, never concurrently
};

}  // namespace

grpc::ServerReadReactor<SubmitReportRequest>* NewSubmitReportsReactor(
    ReportSubmitter& submitter, access::Principal caller, grpc::CallbackServerContext* context,
    SubmitReportsResponse* response, logging::Logger logger, int max_in_flight) {
  return new SubmitReportsReactor(submitter, std::move(caller), context, response, logger,
                                  max_in_flight);
}

}  // namespace jixiao::ingest
