#pragma once

// Turns one input file of `jixiao ingest` into the request that carries it:
//   *.txt   a target table's text → ImportTargetTable with the department and
//           year from the options (the text names neither)
//   else    proto3 JSON: an EvaluationReport → SubmitReport, or else a
//           ProjectTargetTable → ImportTargetTable
// Done on the client so that a file that is not even JSON is reported without
// a round trip, with the parser's message.

#include <optional>
#include <string>
#include <variant>

#include "absl/status/statusor.h"
#include "jixiao/v1/ingest_service.pb.h"
#include "tools/jixiao/target_table_owner.h"

namespace jixiao::cli {

using IngestRequest =
    std::variant<jixiao::v1::SubmitReportRequest, jixiao::v1::ImportTargetTableRequest>;

// True for files taken as target-table text.
bool IsTargetTableText(const std::string& path);

// `owner` is needed only for target-table text; without it such a file fails.
absl::StatusOr<IngestRequest> BuildIngestRequest(const std::string& path,
                                                 const std::optional<TargetTableOwner>& owner);

}  // namespace jixiao::cli
