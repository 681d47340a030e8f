#include "tools/jixiao/history_table.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"

namespace jixiao::cli {
namespace {

// Versions stored before submitters were recorded have none.
std::string OrNotRecorded(const std::string& text) {
  return text.empty() ? "(not recorded)" : text;
}

}  // namespace

TextTable HistoryTable(const jixiao::v1::GetReportHistoryResponse& response) {
  TextTable table({"version", "stored at (UTC)", "submitted by", "from", "content hash"});
  for (const jixiao::v1::VersionAudit& audit : response.versions()) {
    table.AddRow(
        {absl::StrCat(audit.ref().version()),
         absl::FormatTime("%Y-%m-%d %H:%M:%E3S", absl::FromUnixMillis(audit.stored_at_unix_ms()),
                          absl::UTCTimeZone()),
         OrNotRecorded(audit.submitted_by()), OrNotRecorded(audit.submitted_from()),
         audit.ref().content_hash()});
  }
  return table;
}

void PrintHistory(const jixiao::v1::GetReportHistoryResponse& response, std::ostream& out) {
  if (response.versions().empty()) return;  // the service answers NOT_FOUND instead
  out << response.versions(0).ref().report_id() << ": " << response.versions_size()
      << (response.versions_size() == 1 ? " version" : " versions") << "\n";
  HistoryTable(response).Print(out);
}

}  // namespace jixiao::cli
