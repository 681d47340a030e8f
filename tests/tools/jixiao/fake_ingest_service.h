#pragma once

// A stand-in for the ingest service, enough to test `jixiao ingest` against a
// real gRPC server: it stores nothing, answers SubmitReport with version 1 of
// the department's report (created the first time, unchanged after), refuses one department's
// reports with INVALID_ARGUMENT and a google.rpc.BadRequest as the real service does, and imports
// any target table text with one skipped line when the text says "bad line". SubmitReports
// answers each report of a stream as SubmitReport would, once the client half-closes.
//
// To show that calls really overlap, it can hold its answers until `batch`
// calls are in flight (or all that remain of `expected_calls`), then answer them
// together. A client that sent one call at a time would never complete a batch
// and fail on its deadline, which no sleep could prove.

#include <grpcpp/support/server_callback.h>

#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "jixiao/v1/ingest_service.grpc.pb.h"

namespace jixiao::cli::testing {

class FakeIngestService final : public jixiao::v1::IngestService::CallbackService {
 public:
  struct Options {
    // Reports of this department are refused; empty: none are.
    std::string refused_department;
    // Answers are held until this many calls wait (1: answered at once).
    int batch = 1;
    // How many calls the test will make in all, so that the last batch may be
    // smaller; needed when batch > 1.
    int expected_calls = 0;
  };

  explicit FakeIngestService(Options options) : options_(std::move(options)) {}
  // Answers whatever is held, so that a failed test never leaves calls open.
  ~FakeIngestService() override { ReleaseAll(); }

  grpc::ServerUnaryReactor* SubmitReport(grpc::CallbackServerContext* context,
                                         const jixiao::v1::SubmitReportRequest* request,
                                         jixiao::v1::SubmitReportResponse* response) override;
  grpc::ServerReadReactor<jixiao::v1::SubmitReportRequest>* SubmitReports(
      grpc::CallbackServerContext* context, jixiao::v1::SubmitReportsResponse* response) override;
  grpc::ServerUnaryReactor* ImportTargetTable(
      grpc::CallbackServerContext* context, const jixiao::v1::ImportTargetTableRequest* request,
      jixiao::v1::ImportTargetTableResponse* response) override;

  // Department codes of the reports submitted, alone or on streams, in the
  // order they arrived.
  std::vector<std::string> submitted() const;
  // How many reports each SubmitReports stream carried, in the order they ended.
  std::vector<int> stream_sizes() const;
  // SubmitReport calls, not counting reports on streams.
  int unary_submits() const;
  std::vector<jixiao::v1::ImportTargetTableRequest> imports() const;
  // The most calls that were waiting for an answer at the same time.
  int max_in_flight() const;

  // Answers every held call now.
  void ReleaseAll();

 private:
  class StreamReactor;

  // The answer for one report, as a stream item; SubmitReport answers the
  // same as a call (ItemStatus).
  jixiao::v1::SubmitReportsItemResult Judge(const jixiao::v1::EvaluationReport& report);
  // Holds the call's answer, then answers a batch once it is complete.
  void Answer(grpc::ServerUnaryReactor* reactor, grpc::Status status);

  const Options options_;
  mutable std::mutex mu_;
  std::vector<std::string> submitted_;      // guarded by mu_
  std::vector<std::string> submitted_ids_;  // the reports' derived ids; guarded by mu_
  std::vector<int> stream_sizes_;           // guarded by mu_
  int unary_submits_ = 0;                   // guarded by mu_
  std::vector<jixiao::v1::ImportTargetTableRequest> imports_;             // guarded by mu_
  std::vector<std::pair<grpc::ServerUnaryReactor*, grpc::Status>> held_;  // guarded by mu_
  int answered_ = 0;                                                      // guarded by mu_
  int max_in_flight_ = 0;                                                 // guarded by mu_
};

}  // namespace jixiao::cli::testing
