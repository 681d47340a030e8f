#include "tools/jixiao/ingest_request.h"

#include <fstream>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/domain/report_json/json_codec.h"
#include "tools/jixiao/input_files.h"

namespace jixiao::cli {
namespace {

// Appends the inputs of the JSON Lines file at `path`.
absl::Status SplitJsonLines(const std::string& path, std::vector<IngestInput>& inputs) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot be read"));
  uint64_t offset = 0;
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    const uint64_t start = offset;
    offset += line.size() + 1;
    // A file written on Windows ends its lines in \r\n.
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    inputs.push_back({path, number, start, line.size()});
  }
  if (in.bad()) return absl::DataLossError(absl::StrCat(path, ": reading failed"));
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadLine(const IngestInput& input) {
  std::ifstream in(input.path, std::ios::binary);
  std::string text(input.length, '\0');
  if (in && in.seekg(static_cast<std::streamoff>(input.offset)) &&
      in.read(text.data(), static_cast<std::streamsize>(text.size()))) {
    return text;
  }
  return absl::NotFoundError(absl::StrCat("line ", input.line, " cannot be read"));
}

}  // namespace

bool IsTargetTableText(const std::string& path) { return absl::EndsWith(path, ".txt"); }

bool IsJsonLines(const std::string& path) { return absl::EndsWith(path, ".jsonl"); }

absl::StatusOr<std::vector<IngestInput>> SplitIngestInputs(const std::vector<std::string>& files) {
  std::vector<IngestInput> inputs;
  for (const std::string& path : files) {
    if (!IsJsonLines(path)) {
      inputs.push_back({path});
      continue;
    }
    if (absl::Status status = SplitJsonLines(path, inputs); !status.ok()) return status;
  }
  return inputs;
}

absl::StatusOr<IngestRequest> BuildIngestRequest(
    const IngestInput& input, const std::optional<table_import::ReportIdentity>& owner) {
  if (input.line > 0) {
    auto text = ReadLine(input);
    if (!text.ok()) return text.status();
    jixiao::v1::SubmitReportRequest submit;
    const absl::Status parsed = report_json::ParseJson(*text, submit.mutable_report());
    if (!parsed.ok()) return parsed;
    return submit;
  }
  const std::string& path = input.path;
  auto text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  if (IsTargetTableText(path)) {
    if (!owner.has_value()) {
      return absl::InvalidArgumentError(
          "target table text needs --department-code, --district-name, --level and --year");
    }
    jixiao::v1::ImportTargetTableRequest request;
    request.set_text(*std::move(text));
    table_import::ApplyIdentity(*owner, *request.mutable_department());
    request.set_fiscal_year(owner->year);
    return request;
  }
  jixiao::v1::SubmitReportRequest submit;
  const absl::Status as_report = report_json::ParseJson(*text, submit.mutable_report());
  if (as_report.ok()) return submit;
  jixiao::v1::ImportTargetTableRequest import;
  if (report_json::ParseJson(*text, import.mutable_table()).ok()) return import;
  // Most files are reports, so the report parser's complaint is the useful one.
  return as_report;
}

}  // namespace jixiao::cli
