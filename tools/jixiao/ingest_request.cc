#include "tools/jixiao/ingest_request.h"

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "common/report_io/json_codec.h"
#include "tools/jixiao/input_files.h"

namespace jixiao::cli {

bool IsTargetTableText(const std::string& path) { return absl::EndsWith(path, ".txt"); }

absl::StatusOr<IngestRequest> BuildIngestRequest(const std::string& path,
                                                 const std::optional<TargetTableOwner>& owner) {
  auto text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  if (IsTargetTableText(path)) {
    if (!owner.has_value()) {
      return absl::InvalidArgumentError(
          "target table text needs --department-code, --district-name, --level and --year");
    }
    jixiao::v1::ImportTargetTableRequest request;
    request.set_text(*std::move(text));
    *request.mutable_department() = owner->department;
    request.set_fiscal_year(owner->fiscal_year);
    return request;
  }
  jixiao::v1::SubmitReportRequest submit;
  const absl::Status as_report = report_io::ParseJson(*text, submit.mutable_report());
  if (as_report.ok()) return submit;
  jixiao::v1::ImportTargetTableRequest import;
  if (report_io::ParseJson(*text, import.mutable_table()).ok()) return import;
  // Most files are reports, so the report parser's complaint is the useful one.
  return as_report;
}

}  // namespace jixiao::cli
