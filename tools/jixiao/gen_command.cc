#include "tools/jixiao/gen_command.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include "absl/strings/numbers.h"
#include "common/domain/report_json/json_codec.h"
#include "common/platform/options/option_checks.h"
#include "jixiao/v1/ingest_service.pb.h"
#include "tools/gen/dataset_shape.h"
#include "tools/gen/report_generator.h"
#include "tools/jixiao/command_options.h"

namespace jixiao::cli {
namespace {

CLI::Validator Share() {
  return options::Checked([](absl::string_view text) {
    double value = 0;
    return absl::SimpleAtod(text, &value) && value >= 0 && value <= 1
               ? absl::OkStatus()
               : absl::InvalidArgumentError("must be a share from 0 to 1");
  });
}

}  // namespace

int RunGen(const std::vector<std::string>& args) {
  OptionSet options("jixiao gen",
                    "Writes synthetic department self-evaluations shaped like the seed reports, "
                    "one\nproto3 JSON object per line, year by year then division by division. "
                    "The same\noptions always give the same bytes.");
  options.app().footer(
      "2,800 divisions × 40 departments × 5 years is 560,000 reports (about 2.5 GB).");
  gen::DatasetShape shape;
  options.Add("--seed", shape.seed, "dataset seed")->type_name("N");
  options.Add("--divisions", shape.divisions, "districts, counties and cities")
      ->type_name("N")
      ->check(options::IntInRange(1, 99999));
  options.Add("--departments", shape.departments_per_division, "departments per division")
      ->type_name("N")
      ->check(options::IntInRange(1, 40));
  options.Add("--first-year", shape.first_year, "first fiscal year")
      ->type_name("Y")
      ->check(options::IntInRange(2000, 2100));
  options.Add("--years", shape.years, "number of years")
      ->type_name("N")
      ->check(options::IntInRange(1, 100));
  // The flaws the seed reports show, each as a share of what it applies to.
  struct ShareOption {
    const char* flag;
    double* share;
    const char* help;
  };
  for (const ShareOption& option : {
           ShareOption{"--over-completion", &shape.over_completion_share,
                       "share of indicators completed above 150%"},
           ShareOption{"--missing-actual", &shape.missing_actual_share,
                       "share of indicators with no actual"},
           ShareOption{"--inconsistent", &shape.inconsistent_figures_share,
                       "share of reports whose stated execution rate disagrees with their figures"},
           ShareOption{"--over-claiming", &shape.over_claiming_share,
                       "share of departments that declare more than they earn"},
           ShareOption{"--unlisted-fund", &shape.unlisted_fund_share,
                       "share of special funds not fully met whose indicators are not listed, "
                       "leaving the total incomplete"},
       }) {
    options.Add(option.flag, *option.share, option.help)->type_name("SHARE")->check(Share());
  }
  std::string as = "reports";
  options.Add("--as", as, "bare reports, or SubmitReportRequest objects for a load test")
      ->check(options::OneOf({"reports", "submit-requests"}));
  std::string out_path;
  options.Add("--out", out_path, "write here instead of standard output")->type_name("FILE");
  if (auto exit = ParseCommand(options, args)) return *exit;
  if (absl::Status status = gen::CheckShape(shape); !status.ok()) {
    return UsageError(options, status.message());
  }

  std::unique_ptr<std::ofstream> file;
  if (!out_path.empty()) {
    file = std::make_unique<std::ofstream>(out_path, std::ios::binary);
    if (!*file) {
      std::cerr << "jixiao gen: cannot write " << out_path << "\n";
      return 1;
    }
  }
  std::ostream& out = file ? *file : std::cout;

  const int64_t count = gen::ReportCount(shape);
  auto last_progress = std::chrono::steady_clock::now();
  for (int64_t i = 0; i < count; ++i) {
    jixiao::v1::EvaluationReport report = gen::GenerateReport(shape, gen::AddressAt(shape, i));
    if (as == "reports") {
      out << report_json::ToJsonLine(report) << '\n';
    } else {
      jixiao::v1::SubmitReportRequest request;
      *request.mutable_report() = std::move(report);
      out << report_json::ToJsonLine(request) << '\n';
    }
    // Progress on long runs, to stderr so that standard output stays data.
    const auto now = std::chrono::steady_clock::now();
    if (now - last_progress >= std::chrono::seconds(2)) {
      last_progress = now;
      std::cerr << "jixiao gen: " << i + 1 << " of " << count << " reports\n";
    }
  }
  out.flush();
  if (!out) {
    std::cerr << "jixiao gen: writing failed\n";
    return 1;
  }
  std::cerr << "jixiao gen: wrote " << count << " reports\n";
  return 0;
}

}  // namespace jixiao::cli
