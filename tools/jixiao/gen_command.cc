#include "tools/jixiao/gen_command.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/domain/report_json/json_codec.h"
#include "jixiao/v1/ingest_service.pb.h"
#include "tools/gen/dataset_shape.h"
#include "tools/gen/report_generator.h"
#include "tools/jixiao/command_line.h"
#include "tools/jixiao/typed_options.h"

namespace jixiao::cli {
namespace {

constexpr char kUsage[] =
    "usage: jixiao gen [options]\n"
    "\n"
    "Writes synthetic department self-evaluations shaped like the seed reports, one\n"
    "proto3 JSON object per line, year by year then division by division. The same\n"
    "options always give the same bytes.\n"
    "\n"
    "  --seed N                  dataset seed (default 1)\n"
    "  --divisions N             districts, counties and cities (default 11)\n"
    "  --departments N           departments per division, 1..40 (default 40)\n"
    "  --first-year Y            first fiscal year (default 2019)\n"
    "  --years N                 number of years (default 5)\n"
    "  --over-completion SHARE   of indicators completed above 150% (default 0.08)\n"
    "  --missing-actual SHARE    of indicators with no actual (default 0.03)\n"
    "  --inconsistent SHARE      of reports whose stated execution rate disagrees with\n"
    "                            their figures (default 0.05)\n"
    "  --over-claiming SHARE     of departments that declare more than they earn (default 0.3)\n"
    "  --unlisted-fund SHARE     of special funds not fully met whose indicators are not\n"
    "                            listed, leaving the total incomplete (default 0.1)\n"
    "  --as reports|submit-requests\n"
    "                            bare reports (default), or SubmitReportRequest objects\n"
    "                            for a load test\n"
    "  --out FILE                write here instead of standard output\n"
    "\n"
    "2,800 divisions × 40 departments × 5 years is 560,000 reports (about 2.5 GB).\n";

absl::StatusOr<double> ParseShare(const std::string& option, const std::string& text) {
  double value = 0;
  if (!absl::SimpleAtod(text, &value) || value < 0 || value > 1) {
    return absl::InvalidArgumentError(absl::StrCat(option, " must be a share from 0 to 1"));
  }
  return value;
}

absl::StatusOr<gen::DatasetShape> ShapeFrom(const ParsedCommandLine& line) {
  gen::DatasetShape shape;
  if (line.options.count("seed")) {
    if (!absl::SimpleAtoi(line.Option("seed"), &shape.seed)) {
      return absl::InvalidArgumentError("--seed must be a whole number");
    }
  }
  struct IntOption {
    const char* name;
    int* value;
    int min, max;
  };
  for (const IntOption& option : {IntOption{"divisions", &shape.divisions, 1, 99999},
                                  IntOption{"departments", &shape.departments_per_division, 1, 40},
                                  IntOption{"first-year", &shape.first_year, 2000, 2100},
                                  IntOption{"years", &shape.years, 1, 100}}) {
    if (!line.options.count(option.name)) continue;
    absl::StatusOr<int> value = ParseIntOption(absl::StrCat("--", option.name),
                                               line.Option(option.name), option.min, option.max);
    if (!value.ok()) return value.status();
    *option.value = *value;
  }
  struct ShareOption {
    const char* name;
    double* value;
  };
  for (const ShareOption& option : {ShareOption{"over-completion", &shape.over_completion_share},
                                    ShareOption{"missing-actual", &shape.missing_actual_share},
                                    ShareOption{"inconsistent", &shape.inconsistent_figures_share},
                                    ShareOption{"over-claiming", &shape.over_claiming_share},
                                    ShareOption{"unlisted-fund", &shape.unlisted_fund_share}}) {
    if (!line.options.count(option.name)) continue;
    absl::StatusOr<double> value =
        ParseShare(absl::StrCat("--", option.name), line.Option(option.name));
    if (!value.ok()) return value.status();
    *option.value = *value;
  }
  if (absl::Status status = gen::CheckShape(shape); !status.ok()) return status;
  return shape;
}

}  // namespace

int RunGen(const std::vector<std::string>& args) {
  absl::StatusOr<ParsedCommandLine> line = ParseCommandLine(
      args,
      {"seed", "divisions", "departments", "first-year", "years", "over-completion",
       "missing-actual", "inconsistent", "over-claiming", "unlisted-fund", "as", "out"},
      {"help"});
  if (!line.ok()) {
    std::cerr << "jixiao gen: " << line.status().message() << "\n" << kUsage;
    return 2;
  }
  if (line->Flag("help")) {
    std::cout << kUsage;
    return 0;
  }
  if (!line->arguments.empty()) {
    std::cerr << "jixiao gen: takes no arguments\n" << kUsage;
    return 2;
  }
  absl::StatusOr<gen::DatasetShape> shape = ShapeFrom(*line);
  if (!shape.ok()) {
    std::cerr << "jixiao gen: " << shape.status().message() << "\n";
    return 2;
  }
  const std::string as = line->Option("as", "reports");
  if (as != "reports" && as != "submit-requests") {
    std::cerr << "jixiao gen: --as must be reports or submit-requests\n";
    return 2;
  }

  std::unique_ptr<std::ofstream> file;
  if (line->options.count("out")) {
    file = std::make_unique<std::ofstream>(line->Option("out"), std::ios::binary);
    if (!*file) {
      std::cerr << "jixiao gen: cannot write " << line->Option("out") << "\n";
      return 1;
    }
  }
  std::ostream& out = file ? *file : std::cout;

  const int64_t count = gen::ReportCount(*shape);
  auto last_progress = std::chrono::steady_clock::now();
  for (int64_t i = 0; i < count; ++i) {
    jixiao::v1::EvaluationReport report = gen::GenerateReport(*shape, gen::AddressAt(*shape, i));
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
