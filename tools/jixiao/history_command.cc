#include "tools/jixiao/history_command.h"

#include "jixiao/v1/ingest_service.grpc.pb.h"
#include "tools/jixiao/command_options.h"
#include "tools/jixiao/history_table.h"
#include "tools/jixiao/unary_call.h"

namespace jixiao::cli {

int RunHistory(const std::vector<std::string>& args) {
  OptionSet options("jixiao history",
                    "The audit of a stored report: every version, oldest first, with who "
                    "submitted it,\nfrom where, when, and its content hash.");
  std::string report_id;
  options.AddArguments("REPORT_ID", report_id, "the report, e.g. 440106:commerce/2024/department")
      ->required();
  bool json = false;
  options.AddFlag("--json", json, "print the response as JSON");
  ServiceEndpoint endpoint;
  AddEndpoint(options, kIngestEndpoint, endpoint);
  if (auto exit = ParseCommand(options, args)) return *exit;
  if (report_id.empty()) return UsageError(options, "REPORT_ID is empty");

  jixiao::v1::GetReportHistoryRequest request;
  request.set_report_id(report_id);
  return CallService<jixiao::v1::IngestService, jixiao::v1::GetReportHistoryResponse>(
      endpoint, json,
      [&](auto& stub, auto* context, auto* response) {
        return stub.GetReportHistory(context, request, response);
      },
      PrintHistory);
}

}  // namespace jixiao::cli
