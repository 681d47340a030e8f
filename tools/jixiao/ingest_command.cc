#include "tools/jixiao/ingest_command.h"

#include <unistd.h>

#include <algorithm>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "common/platform/options/option_checks.h"
#include "tools/jixiao/command_options.h"
#include "tools/jixiao/ingest_batch.h"
#include "tools/jixiao/ingest_progress.h"
#include "tools/jixiao/ingest_report.h"
#include "tools/jixiao/ingest_request.h"
#include "tools/jixiao/input_files.h"

namespace jixiao::cli {
namespace {

// More threads than this only queue at the service's group commit.
constexpr int kMaxConcurrency = 64;

int InputError(const IngestStreams& streams, const absl::Status& status) {
  streams.err << "jixiao ingest: " << status.message() << "\n";
  return kExitUsage;
}

}  // namespace

int RunIngest(const std::vector<std::string>& args, const IngestStreams& streams) {
  OptionSet options(
      "jixiao ingest",
      absl::StrCat(
          "Stores reports (*.json, or *.jsonl with one report a line as `jixiao gen` writes\n"
          "them) through IngestService.SubmitReport, one call each, or with --bulk on\n"
          "SubmitReports streams of up to ",
          kReportsPerStream,
          " reports each. Target tables (*.json, or *.txt\n"
          "text with the department options, as import-targets takes them) go through\n"
          "ImportTargetTable either way. Directories are walked recursively, in sorted\n"
          "order. Progress goes to stderr; at the end, every failed file\n"
          "(or line of a *.jsonl file) with the service's reason."));
  std::vector<std::string> paths;
  options.AddArguments("FILE|DIR", paths, "reports and target tables")->required();
  IngestPlan plan;
  options.AddFlag("--bulk", plan.bulk, "send reports on streams rather than one call each");
  CLI::Option* concurrency =
      options
          .Add("--concurrency", plan.concurrency,
               absl::StrCat("calls in flight; with --bulk, streams (default ",
                            kDefaultBulkConcurrency, ")"))
          ->type_name("N")
          ->check(options::IntInRange(1, kMaxConcurrency));
  options.AddFlag("--json", plan.keep_json,
                  "print each stored input's response as one line of JSON");
  table_import::ReportIdentity owner;
  AddReportIdentity(options, owner);
  ServiceEndpoint endpoint;
  AddEndpoint(options, kIngestEndpoint, endpoint);
  if (auto exit = ParseCommand(options, args, streams.out, streams.err)) return *exit;
  // A stream keeps up to 256 reports in flight at the service, so the calls
  // that suit one at a time would be too many streams.
  if (plan.bulk && concurrency->count() == 0) plan.concurrency = kDefaultBulkConcurrency;

  auto files = WalkInputPaths(paths, {".json", ".jsonl", ".txt"});
  if (!files.ok()) return InputError(streams, files.status());
  if (files->empty()) {
    return InputError(streams, absl::NotFoundError("no *.json, *.jsonl or *.txt files found"));
  }
  // The department options describe target table text; asked for only when
  // there is some, and then all of them, before a single file is sent.
  if (std::any_of(files->begin(), files->end(), IsTargetTableText)) {
    if (absl::Status status = CheckTargetTableOwner(owner); !status.ok()) {
      return UsageError(options, status.message(), streams.err);
    }
    plan.owner = owner;
  }
  auto inputs = SplitIngestInputs(*files);
  if (!inputs.ok()) return InputError(streams, inputs.status());
  if (inputs->empty()) {
    return InputError(streams, absl::NotFoundError("the *.jsonl files given hold no reports"));
  }
  plan.inputs = *std::move(inputs);

  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel = OpenChannel(endpoint);
  if (!channel.ok()) return InputError(streams, channel.status());
  auto stub = jixiao::v1::IngestService::NewStub(*channel);
  IngestProgress progress(streams.err, streams.err_is_terminal, plan.inputs.size());
  const std::vector<IngestOutcome> outcomes = IngestInputs(
      plan, endpoint, *stub,
      [&](size_t done, const IngestOutcome& outcome) { progress.Update(done, outcome); });
  progress.Finish();

  if (plan.keep_json) {
    for (const auto& outcome : outcomes) streams.out << outcome.response_json;
  }
  PrintIngestReport(outcomes, endpoint, plan.keep_json ? streams.err : streams.out);
  const IngestTally tally = TallyOutcomes(outcomes);
  streams.out.flush();
  return tally.failed == 0 && tally.skipped_lines == 0 ? kExitOk : kExitFailure;
}

int RunIngest(const std::vector<std::string>& args) {
  return RunIngest(args, IngestStreams{std::cout, std::cerr, isatty(STDERR_FILENO) == 1});
}

}  // namespace jixiao::cli
