#pragma once
// What ingest does with a report once it is durably committed and before the
// submission is acknowledged: make the new version visible to readers of the
// score cache (so that no query serves a score of an older version after the
// acknowledgement) and ask scoring to recompute it in the background.
//
// The ingest service calls Publish on a worker-pool thread, never on a gRPC
// thread. An implementation may block, but only for as long as its own I/O
// timeouts allow, and it never fails the submission: the report is already
// durable, so a publication that fails is retried in the background.
#include "jixiao/v1/report.pb.h"
#include "services/ingest/store/report_store.h"

namespace jixiao::ingest {

class ReportPublisher {
 public:
  virtual ~ReportPublisher() = default;

  // `report` is the normalized report as stored; `outcome` the version that
  // holds it (created or already there).
  virtual void Publish(const jixiao::v1::EvaluationReport& report, const PutOutcome& outcome) = 0;
};

}  // namespace jixiao::ingest
