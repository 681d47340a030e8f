#include "tools/jixiao/ingest_command.h"

#include <unistd.h>

#include <algorithm>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "tools/jixiao/command_usage.h"
#include "tools/jixiao/grpc_channel.h"
#include "tools/jixiao/ingest_batch.h"
#include "tools/jixiao/ingest_progress.h"
#include "tools/jixiao/ingest_report.h"
#include "tools/jixiao/ingest_request.h"
#include "tools/jixiao/input_files.h"
#include "tools/jixiao/typed_options.h"

namespace jixiao::cli {
namespace {

// More threads than this only queue at the service's group commit.
constexpr int kMaxConcurrency = 64;

std::string Usage() {
  return absl::StrCat(
      "usage: jixiao ingest FILE|DIR… [--bulk] [--concurrency N] [--json]\n"
      "         [--department-code CODE --district-name NAME --level LEVEL --year YEAR\n"
      "          [--department-name NAME] [--sector-tags a,b]]\n"
      "Stores reports (*.json, or *.jsonl with one report a line as `jixiao gen` writes\n"
      "them) through IngestService.SubmitReport, one call each, or with --bulk on\n"
      "SubmitReports streams of up to ",
      kReportsPerStream,
      " reports each. Target tables (*.json, or *.txt\n"
      "text with the department options, as import-targets takes them) go through\n"
      "ImportTargetTable either way. Directories are walked recursively, in sorted\n"
      "order. "
      "Progress goes to stderr; at the end, every failed file\n"
      "(or line of a *.jsonl file) with the service's reason.\n",
      OptionHelp("--bulk", "send reports on streams rather than one call each"),
      OptionHelp("--concurrency N",
                 absl::StrCat("calls in flight (default ", kDefaultIngestConcurrency, ", at most ",
                              kMaxConcurrency, "); with --bulk, streams (default ",
                              kDefaultBulkConcurrency, ")")),
      OptionHelp("--json", "print each stored input's response as one line of JSON"),
      EndpointUsage(kIngestEndpoint));
}

int InputError(const IngestStreams& streams, const absl::Status& status) {
  streams.err << "jixiao ingest: " << status.message() << "\n";
  return kExitUsage;
}

}  // namespace

int RunIngest(const std::vector<std::string>& args, const IngestStreams& streams) {
  std::set<std::string> options = EndpointOptions(kIngestEndpoint);
  options.insert(TargetTableOwnerOptions().begin(), TargetTableOwnerOptions().end());
  options.insert("concurrency");
  ParsedCommandLine cl;
  if (auto exit = ParseOrExit("ingest", args, options, {"json", "bulk"}, Usage(), cl, streams.out,
                              streams.err)) {
    return *exit;
  }
  if (cl.arguments.empty()) {
    return UsageError("ingest", absl::InvalidArgumentError("needs FILE or DIR"), Usage(),
                      streams.err);
  }
  auto endpoint = ResolveEndpoint(cl, kIngestEndpoint);
  if (!endpoint.ok()) return UsageError("ingest", endpoint.status(), Usage(), streams.err);

  IngestPlan plan;
  plan.keep_json = cl.Flag("json");
  plan.bulk = cl.Flag("bulk");
  // A stream keeps up to 256 reports in flight at the service, so the calls
  // that suit one at a time would be too many streams.
  if (plan.bulk) plan.concurrency = kDefaultBulkConcurrency;
  if (!cl.Option("concurrency").empty()) {
    auto concurrency =
        ParseIntOption("--concurrency", cl.Option("concurrency"), 1, kMaxConcurrency);
    if (!concurrency.ok()) return UsageError("ingest", concurrency.status(), Usage(), streams.err);
    plan.concurrency = *concurrency;
  }
  auto files = WalkInputPaths(cl.arguments, {".json", ".jsonl", ".txt"});
  if (!files.ok()) return InputError(streams, files.status());
  if (files->empty()) {
    return InputError(streams, absl::NotFoundError("no *.json, *.jsonl or *.txt files found"));
  }
  // The department options describe target table text; asked for only when
  // there is some, and then all of them, before a single file is sent.
  if (std::any_of(files->begin(), files->end(), IsTargetTableText)) {
    if (cl.Option("department-code").empty() || cl.Option("district-name").empty()) {
      return UsageError(
          "ingest",
          absl::InvalidArgumentError("*.txt target tables need --department-code, --district-name, "
                                     "--level and --year"),
          Usage(), streams.err);
    }
    auto owner = TargetTableOwnerFromOptions(cl);
    if (!owner.ok()) return UsageError("ingest", owner.status(), Usage(), streams.err);
    plan.owner = *std::move(owner);
  }
  auto inputs = SplitIngestInputs(*files);
  if (!inputs.ok()) return InputError(streams, inputs.status());
  if (inputs->empty()) {
    return InputError(streams, absl::NotFoundError("the *.jsonl files given hold no reports"));
  }
  plan.inputs = *std::move(inputs);

  auto stub = jixiao::v1::IngestService::NewStub(OpenChannel(*endpoint));
  IngestProgress progress(streams.err, streams.err_is_terminal, plan.inputs.size());
  const std::vector<IngestOutcome> outcomes = IngestInputs(
      plan, *endpoint, *stub,
      [&](size_t done, const IngestOutcome& outcome) { progress.Update(done, outcome); });
  progress.Finish();

  if (plan.keep_json) {
    for (const auto& outcome : outcomes) streams.out << outcome.response_json;
  }
  PrintIngestReport(outcomes, *endpoint, plan.keep_json ? streams.err : streams.out);
  const IngestTally tally = TallyOutcomes(outcomes);
  streams.out.flush();
  return tally.failed == 0 && tally.skipped_lines == 0 ? kExitOk : kExitFailure;
}

int RunIngest(const std::vector<std::string>& args) {
  return RunIngest(args, IngestStreams{std::cout, std::cerr, isatty(STDERR_FILENO) == 1});
}

}  // namespace jixiao::cli
