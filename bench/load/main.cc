// jixiao-load: a load generator for any unary method of the jixiao services
// (jixiao.v1.*) or the echo baseline (jixiao.bench.v1.EchoService).
//
//   jixiao-load --target 127.0.0.1:50059 --concurrency 64 --duration 3
//   jixiao-load --target 127.0.0.1:50059 --rate 5000 --max-in-flight 256 --duration 3
//   jixiao-load --target 127.0.0.1:50053 --method jixiao.v1.QueryService/GetScoreCard
//               --requests cards.jsonl --concurrency 32 --max-calls 100000 --json
//               --label query-cards
//
// Prints one report on stdout (text, or one JSON object with --json); see
// load_options.h for the modes and bounds and load_runner.h for what is
// measured. Errors are data, not failures: a run whose calls fail still
// reports them. Exit status:
//   0  the run completed and at least one call succeeded;
//   1  the run completed but no call succeeded (e.g. the target is unreachable:
//      the report shows every call as UNAVAILABLE), so that a script notices;
//   2  a usage error (bad option, unknown method, request JSON that does not
//      parse); nothing was sent.
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "bench/load/load_options.h"
#include "bench/load/load_runner.h"
#include "bench/load/report_json.h"
#include "bench/load/report_text.h"

int main(int argc, char** argv) {
  using namespace jixiao::load;

  const std::vector<std::string> args(argv + 1, argv + argc);
  const absl::StatusOr<LoadCommandLine> command_line = ParseLoadCommandLine(args);
  if (std::optional<int> code = ExitCodeForLoadCommandLine(command_line)) return *code;
  const LoadOptions& options = command_line->options;

  const absl::StatusOr<LoadReport> report = RunLoad(options);
  if (!report.ok()) {
    std::cerr << "jixiao-load: " << report.status().message() << "\n";
    return 2;
  }
  if (report->channels_ready == 0) {
    std::cerr << "jixiao-load: could not connect to " << options.target
              << " before the run; its calls are counted as they ended\n";
  }
  std::cout << (options.json ? FormatReportJson(*report) + "\n" : FormatReportText(*report));
  std::cout.flush();
  return report->ok() > 0 ? 0 : 1;
}
