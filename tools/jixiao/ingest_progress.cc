#include "tools/jixiao/ingest_progress.h"

#include "absl/strings/str_cat.h"
#include "common/platform/server/grpc_status.h"
#include "tools/jixiao/text_table.h"

namespace jixiao::cli {
namespace {

// Erases from the cursor to the end of the line: a shorter line must not leave
// the tail of a longer one on screen.
constexpr char kEraseToEndOfLine[] = "\x1b[K";

}  // namespace

std::string DescribeOutcome(const IngestOutcome& outcome) {
  if (!outcome.local_error.ok()) return absl::StrCat("FAILED ", outcome.where(), ": not sent");
  if (!outcome.call_status.ok()) {
    return absl::StrCat("FAILED ", outcome.where(), ": ",
                        server::GrpcStatusCodeName(outcome.call_status.error_code()));
  }
  if (outcome.is_target_table) {
    return absl::StrCat("ok ", outcome.stored_id, " (", outcome.projects, " projects)");
  }
  return absl::StrCat("ok ", outcome.stored_id, " v", outcome.version,
                      outcome.created ? " (new)" : " (unchanged)");
}

std::string FitToColumns(const std::string& text, size_t columns) {
  if (DisplayWidth(text) <= columns) return text;
  // Cut on a code point boundary, leaving a column for the ellipsis.
  std::string fitted;
  for (size_t i = 0; i < text.size();) {
    size_t next = i + 1;
    while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
    const std::string candidate = fitted + text.substr(i, next - i);
    if (DisplayWidth(candidate) + 1 > columns) break;
    fitted = candidate;
    i = next;
  }
  return fitted + "…";
}

IngestProgress::IngestProgress(std::ostream& err, bool terminal, size_t total)
    : err_(err), terminal_(terminal), total_(total) {}

void IngestProgress::Update(size_t done, const IngestOutcome& outcome) {
  if (!outcome.ok()) ++failed_;
  const bool log_line = done % kLogEvery == 0 || done == total_;
  if (!terminal_ && !log_line) return;
  std::string line = absl::StrCat("[", done, "/", total_);
  if (failed_ > 0) absl::StrAppend(&line, ", ", failed_, " failed");
  absl::StrAppend(&line, "] ", DescribeOutcome(outcome));
  if (terminal_) {
    err_ << "\r" << FitToColumns(line, kTerminalColumns) << kEraseToEndOfLine << std::flush;
    line_open_ = true;
  } else {
    err_ << line << "\n";
  }
}

void IngestProgress::Finish() {
  if (line_open_) err_ << "\n";
  line_open_ = false;
}

}  // namespace jixiao::cli
