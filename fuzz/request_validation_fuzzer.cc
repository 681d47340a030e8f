// Why: ingest validates every submitted report and target table before anything
// else reads it (common/domain/validation, message_limits first), on messages that
// gRPC parsed from a client's bytes. Validation must stay bounded and linear on
// any message protobuf accepts; what it accepts is normalized, hashed and checked
// for consistency, as ingest does next.
//
// Input: one byte choosing the message (report, target table, SubmitReportRequest,
// ImportTargetTableRequest), then its binary protobuf encoding (fuzz_proto_seeds
// writes seeds in this form).

#include <cstddef>
#include <cstdint>
#include <utility>

#include "common/domain/content_hash/content_hash.h"
#include "common/domain/normalization/report_normalizer.h"
#include "common/domain/validation/consistency_checker.h"
#include "common/domain/validation/message_limits.h"
#include "common/domain/validation/report_validator.h"
#include "google/protobuf/stubs/logging.h"
#include "jixiao/v1/ingest_service.pb.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/target_table.pb.h"

namespace {

using jixiao::v1::EvaluationReport;
using jixiao::v1::ProjectTargetTable;

void AcceptReport(const EvaluationReport& report) {
  if (!jixiao::validation::ValidateReport(report).empty()) return;
  const EvaluationReport normalized = jixiao::normalization::NormalizeReport(report);
  (void)jixiao::content_hash::ContentHash(normalized);
  (void)jixiao::validation::CheckReportConsistency(normalized);
}

void AcceptTargetTable(const ProjectTargetTable& table) {
  if (!jixiao::validation::ValidateTargetTable(table).empty()) return;
  const ProjectTargetTable normalized = jixiao::normalization::NormalizeTargetTable(table);
  (void)jixiao::content_hash::ContentHash(normalized);
  (void)jixiao::validation::CheckTargetTableConsistency(normalized);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // Protobuf logs every string that is not UTF-8; a parse failure is all that matters.
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t kind = data[0] % 4;
  const void* bytes = data + 1;
  const int length = static_cast<int>(size - 1);
  switch (kind) {
    case 0: {
      EvaluationReport report;
      if (report.ParseFromArray(bytes, length)) AcceptReport(report);
      break;
    }
    case 1: {
      ProjectTargetTable table;
      if (table.ParseFromArray(bytes, length)) AcceptTargetTable(table);
      break;
    }
    case 2: {
      jixiao::v1::SubmitReportRequest request;
      if (request.ParseFromArray(bytes, length) && request.has_report()) {
        AcceptReport(request.report());
      }
      break;
    }
    case 3: {
      jixiao::v1::ImportTargetTableRequest request;
      if (!request.ParseFromArray(bytes, length)) break;
      (void)jixiao::validation::CheckMessageLimits(request);
      if (request.has_table()) AcceptTargetTable(request.table());
      break;
    }
  }
  return 0;
}
