#include "tools/jixiao/ingest_report.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "common/platform/server/grpc_status.h"
#include "tools/jixiao/call_failure.h"
#include "tools/jixiao/rich_status.h"

namespace jixiao::cli {
namespace {

// Every file that was sent failed with UNAVAILABLE: the service was never reached.
bool NothingReachedService(const std::vector<IngestOutcome>& outcomes) {
  bool any_sent = false;
  for (const auto& outcome : outcomes) {
    if (!outcome.sent) continue;
    any_sent = true;
    if (outcome.call_status.error_code() != grpc::StatusCode::UNAVAILABLE) return false;
  }
  return any_sent;
}

// A message of several lines (the JSON parser's points at the error on a line
// of its own) keeps the report's indentation on every line.
std::string Indented(absl::string_view message) {
  return absl::StrReplaceAll(message, {{"\n", "\n      "}});
}

void PrintFailure(const IngestOutcome& outcome, std::ostream& out) {
  if (!outcome.local_error.ok()) {
    out << "  " << outcome.where() << ": not sent: " << Indented(outcome.local_error.message())
        << "\n";
    return;
  }
  out << "  " << outcome.where() << ": "
      << server::GrpcStatusCodeName(outcome.call_status.error_code()) << ": "
      << Indented(outcome.call_status.error_message()) << "\n";
  for (const auto& violation : BadRequestViolations(outcome.call_status)) {
    out << "    " << violation.field() << ": " << violation.description() << "\n";
  }
}

}  // namespace

IngestTally TallyOutcomes(const std::vector<IngestOutcome>& outcomes) {
  IngestTally tally;
  for (const auto& outcome : outcomes) {
    ++tally.files;
    if (outcome.line > 0) ++tally.json_lines;
    if (!outcome.ok()) {
      ++tally.failed;
      continue;
    }
    ++tally.stored;
    if (outcome.is_target_table) {
      ++tally.tables;
    } else if (outcome.created) {
      ++tally.created;
    } else {
      ++tally.unchanged;
    }
    tally.warnings += outcome.warnings;
    tally.skipped_lines += static_cast<int>(outcome.skipped_lines.size());
  }
  return tally;
}

void PrintIngestReport(const std::vector<IngestOutcome>& outcomes, const ServiceEndpoint& endpoint,
                       std::ostream& out) {
  const IngestTally t = TallyOutcomes(outcomes);
  std::vector<std::string> kinds;
  if (t.created > 0) kinds.push_back(absl::StrCat(t.created, " new"));
  if (t.unchanged > 0) kinds.push_back(absl::StrCat(t.unchanged, " unchanged"));
  if (t.tables > 0) kinds.push_back(absl::StrCat(t.tables, " target tables"));
  const char* noun = t.json_lines > 0 ? (t.files == 1 ? " input: " : " inputs: ")
                                      : (t.files == 1 ? " file: " : " files: ");
  out << t.files << noun << t.stored << " stored";
  if (!kinds.empty()) out << " (" << absl::StrJoin(kinds, ", ") << ")";
  out << ", " << t.failed << " failed, " << t.warnings << " warnings";
  if (t.skipped_lines > 0) out << ", " << t.skipped_lines << " target table lines skipped";
  out << "\n";

  const bool unreachable = NothingReachedService(outcomes);
  if (unreachable) {
    for (const auto& outcome : outcomes) {
      if (!outcome.sent) continue;
      out << "jixiao: " << DescribeCallFailure(endpoint, outcome.call_status) << "\n";
      break;
    }
  }
  bool heading = false;
  for (const auto& outcome : outcomes) {
    if (outcome.ok() || (unreachable && outcome.sent)) continue;
    if (!heading) out << "failed:\n";
    heading = true;
    PrintFailure(outcome, out);
  }
  heading = false;
  for (const auto& outcome : outcomes) {
    for (const auto& line : outcome.skipped_lines) {
      if (!heading) out << "skipped target table lines (the other lines were stored):\n";
      heading = true;
      out << "  " << outcome.path << ":" << line.line() << ": " << line.reason() << "\n";
    }
  }
}

}  // namespace jixiao::cli
