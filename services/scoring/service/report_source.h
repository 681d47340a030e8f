#pragma once
// Where the scoring service gets the reports it scores. In production that is
// the ingest service over gRPC (ingest_report_source.h); tests may substitute.
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "jixiao/v1/ingest_service.pb.h"
#include "jixiao/v1/report.pb.h"

namespace grpc {
class CallbackServerContext;
}

namespace jixiao::scoring {

struct FetchedReport {
  jixiao::v1::ReportRef ref;  // id, resolved version, content hash
  jixiao::v1::EvaluationReport report;
};

// One page of a year's stored reports.
struct ReportPage {
  std::vector<jixiao::v1::ReportSummary> reports;  // latest versions
  std::string next_page_token;                     // empty on the last page
};

class ReportSource {
 public:
  virtual ~ReportSource() = default;

  // A stored report; version 0 means the latest. `incoming` is the call being
  // served (its deadline and cancellation carry over), or null outside one.
  // NOT_FOUND when there is no such report or version.
  virtual absl::StatusOr<FetchedReport> Fetch(grpc::CallbackServerContext* incoming,
                                              absl::string_view report_id, int64_t version) = 0;

  // The stored reports of a fiscal year, latest versions, a page at a time:
  // the first page for an empty token, then the page each answer's token names.
  virtual absl::StatusOr<ReportPage> ListYear(grpc::CallbackServerContext* incoming,
                                              int fiscal_year, absl::string_view page_token) = 0;
};

}  // namespace jixiao::scoring
