#pragma once

// The bookkeeping of one SubmitReports stream, apart from gRPC so that it is
// unit tested on its own: which index each report read gets, its result once
// its submission is answered, the counts, and when the stream's reactor reads
// again or finishes.
//
// Memory is bounded by reading no further while `max_in_flight` reports are
// admitted and not yet answered: the reactor starts its next read only when
// told kRead, so a client that sends faster than reports are committed is
// held back by gRPC's flow control instead of by a queue that grows. The
// results stay until the end (one small message a report, the response).
//
// Every method is safe from any thread: reads are handled on gRPC threads,
// answers arrive on workers. Each returns what the reactor must do next, to be
// done outside the ledger. kFinish is returned exactly once, and only when the
// input has ended (half-close, a broken stream or a cancellation) and every
// admitted report has been answered, so no answer can arrive after it.

#include <mutex>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "jixiao/v1/ingest_service.pb.h"

namespace jixiao::ingest {

// The item result of the report at `index`, from what SubmitReport would have
// answered for it: the code and message of a refusal, with the field
// violations of a google.rpc.BadRequest payload (bad_request.h), or the
// stored version. `report_id` is the normalized report's id, empty when the
// report was refused before it had one.
jixiao::v1::SubmitReportsItemResult ItemResultOf(
    int index, std::string report_id, absl::StatusOr<jixiao::v1::SubmitReportResponse> answer);

class SubmitReportsLedger {
 public:
  enum class Next {
    kWait,    // nothing: a read is pending, or an answer still to come will say
    kRead,    // start the next read
    kPaused,  // nothing, as kWait; reading waits because the bound is reached
    kFinish,  // finish the call: with TakeResponse(), or CANCELLED if cancelled()
  };

  // The reactor's first read is pending from the start. `max_in_flight` >= 1.
  explicit SubmitReportsLedger(int max_in_flight);

  SubmitReportsLedger(const SubmitReportsLedger&) = delete;
  SubmitReportsLedger& operator=(const SubmitReportsLedger&) = delete;

  // A read delivered a report: returns its index, in stream order. It is in
  // flight until Complete(index, …). Then the reactor hands the report on and
  // calls ReadHandled, whose answer may come before or after the hand-off's.
  int Admit();
  // The reactor is done with the request buffer of the read just admitted:
  // kRead while below the bound, else kPaused (a Complete will say kRead).
  Next ReadHandled();
  // The pending read delivered nothing: the client half-closed or the stream broke.
  Next EndOfInput();
  // The call was cancelled (OnCancel): nothing more is read.
  Next Cancel();
  // The answer for the report at `index`; each admitted index exactly once
  // (a second answer, or one for an index never admitted, is ignored).
  Next Complete(int index, std::string report_id,
                absl::StatusOr<jixiao::v1::SubmitReportResponse> answer);

  bool cancelled() const;
  // The most reports that were in flight at once, for the log.
  int peak_in_flight() const;
  // After kFinish: one result per report in stream order, and the counts.
  jixiao::v1::SubmitReportsResponse TakeResponse();

 private:
  // Where reading stands; only kEnded can lead to kFinish.
  enum class Input {
    kReading,   // a read is pending
    kHandling,  // a report was admitted and the reactor is handing it on
    kPaused,    // no read pending, because of the bound
    kEnded,     // no read pending, and none will be started
  };

  Next FinishIfDone();  // mu_ held

  const int max_in_flight_;
  mutable std::mutex mu_;
  Input input_ = Input::kReading;               // guarded by mu_
  bool cancelled_ = false;                      // guarded by mu_
  bool finished_ = false;                       // guarded by mu_
  int in_flight_ = 0;                           // guarded by mu_
  int peak_in_flight_ = 0;                      // guarded by mu_
  std::vector<bool> answered_;                  // guarded by mu_: by index
  jixiao::v1::SubmitReportsResponse response_;  // guarded by mu_
};

}  // namespace jixiao::ingest
