#include "services/ingest/service/submit_reports_ledger.h"

#include <algorithm>
#include <utility>

#include "services/ingest/service/bad_request.h"

namespace jixiao::ingest {

jixiao::v1::SubmitReportsItemResult ItemResultOf(
    int index, std::string report_id, absl::StatusOr<jixiao::v1::SubmitReportResponse> answer) {
  jixiao::v1::SubmitReportsItemResult result;
  result.set_index(index);
  result.set_report_id(std::move(report_id));
  if (!answer.ok()) {
    const absl::Status& status = answer.status();
    result.set_code(static_cast<int>(status.code()));
    result.set_message(std::string(status.message()));
    // Already cut to fit a trailer by BadRequestError, so also small here.
    for (validation::FieldViolation& violation : BadRequestViolations(status)) {
      jixiao::v1::ItemFieldViolation* item = result.add_violations();
      item->set_field(std::move(violation.field));
      item->set_description(std::move(violation.description));
    }
    return result;
  }
  jixiao::v1::SubmitReportResponse& stored = *answer;
  if (result.report_id().empty()) result.set_report_id(stored.ref().report_id());
  *result.mutable_ref() = std::move(*stored.mutable_ref());
  result.set_created(stored.created());
  *result.mutable_warnings() = std::move(*stored.mutable_warnings());
  return result;
}

SubmitReportsLedger::SubmitReportsLedger(int max_in_flight)
    : max_in_flight_(std::max(1, max_in_flight)) {}

int SubmitReportsLedger::Admit() {
  std::lock_guard<std::mutex> lock(mu_);
  input_ = Input::kHandling;
  ++in_flight_;
  peak_in_flight_ = std::max(peak_in_flight_, in_flight_);
  const int index = response_.results_size();
  // A placeholder, so that results land at their index whatever order they come in.
  response_.add_results()->set_index(index);
  answered_.push_back(false);
  return index;
}

SubmitReportsLedger::Next SubmitReportsLedger::ReadHandled() {
  std::lock_guard<std::mutex> lock(mu_);
  if (cancelled_) {
    input_ = Input::kEnded;
    return FinishIfDone();
  }
  if (in_flight_ < max_in_flight_) {
    input_ = Input::kReading;
    return Next::kRead;
  }
  input_ = Input::kPaused;
  return Next::kPaused;
}

SubmitReportsLedger::Next SubmitReportsLedger::EndOfInput() {
  std::lock_guard<std::mutex> lock(mu_);
  input_ = Input::kEnded;
  return FinishIfDone();
}

SubmitReportsLedger::Next SubmitReportsLedger::Cancel() {
  std::lock_guard<std::mutex> lock(mu_);
  cancelled_ = true;
  // A pending read fails on its own (EndOfInput), and a report being handed
  // on sees the flag in ReadHandled; only a paused stream has no one to end it.
  if (input_ != Input::kPaused) return Next::kWait;
  input_ = Input::kEnded;
  return FinishIfDone();
}

SubmitReportsLedger::Next SubmitReportsLedger::Complete(
    int index, std::string report_id, absl::StatusOr<jixiao::v1::SubmitReportResponse> answer) {
  // Built before taking the lock: it moves the warnings, which may be many.
  jixiao::v1::SubmitReportsItemResult result =
      ItemResultOf(index, std::move(report_id), std::move(answer));
  std::lock_guard<std::mutex> lock(mu_);
  if (index < 0 || index >= static_cast<int>(answered_.size()) || answered_[index]) {
    return Next::kWait;
  }
  answered_[index] = true;
  --in_flight_;
  if (result.code() == 0) {
    response_.set_stored(response_.stored() + 1);
    if (result.created()) response_.set_created(response_.created() + 1);
  } else {
    response_.set_refused(response_.refused() + 1);
  }
  *response_.mutable_results(index) = std::move(result);
  if (input_ == Input::kPaused && in_flight_ < max_in_flight_) {
    input_ = Input::kReading;
    return Next::kRead;
  }
  return FinishIfDone();
}

SubmitReportsLedger::Next SubmitReportsLedger::FinishIfDone() {
  if (input_ != Input::kEnded || in_flight_ > 0 || finished_) return Next::kWait;
  finished_ = true;
  return Next::kFinish;
}

bool SubmitReportsLedger::cancelled() const {
  std::lock_guard<std::mutex> lock(mu_);
  return cancelled_;
}

int SubmitReportsLedger::peak_in_flight() const {
  std::lock_guard<std::mutex> lock(mu_);
  return peak_in_flight_;
}

jixiao::v1::SubmitReportsResponse SubmitReportsLedger::TakeResponse() {
  std::lock_guard<std::mutex> lock(mu_);
  return std::move(response_);
}

}  // namespace jixiao::ingest
