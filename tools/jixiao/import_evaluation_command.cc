#include "tools/jixiao/import_evaluation_command.h"

#include <fstream>
#include <iostream>

#include "absl/strings/str_split.h"
#include "common/domain/report_json/json_codec.h"
#include "common/domain/table_import/evaluation_import.h"
#include "common/domain/table_import/report_identity.h"
#include "tools/jixiao/command_line.h"
#include "tools/jixiao/corpus/corpus_file.h"
#include "tools/jixiao/input_files.h"
#include "tools/jixiao/typed_options.h"

namespace jixiao::cli {
namespace {

constexpr char kUsage[] =
    "usage: jixiao import-evaluation FILE [--out REPORT.json] [--department-code CODE]"
    " [--department-name NAME] [--district-name NAME] [--level LEVEL] [--sector-tags a,b]"
    " [--year YEAR] [--project-code CODE]\n";

absl::StatusOr<table_import::ReportIdentity> IdentityFromOptions(const ParsedCommandLine& cl) {
  table_import::ReportIdentity identity;
  identity.department_code = cl.Option("department-code");
  identity.department_name = cl.Option("department-name");
  identity.district_name = cl.Option("district-name");
  identity.project_code = cl.Option("project-code");
  if (!cl.Option("level").empty()) {
    auto level = ParseLevel(cl.Option("level"));
    if (!level.ok()) return level.status();
    identity.level = *level;
  }
  if (!cl.Option("year").empty()) {
    auto year = ParseYear("--year", cl.Option("year"));
    if (!year.ok()) return year.status();
    identity.year = *year;
  }
  for (absl::string_view tag : absl::StrSplit(cl.Option("sector-tags"), ',', absl::SkipEmpty())) {
    identity.sector_tags.emplace_back(tag);
  }
  return identity;
}

}  // namespace

int RunImportEvaluation(const std::vector<std::string>& args) {
  auto command_line =
      ParseCommandLine(args,
                       {"out", "department-code", "department-name", "district-name", "level",
                        "sector-tags", "year", "project-code"},
                       {});
  if (!command_line.ok() || command_line->arguments.size() != 1) {
    std::cerr << (command_line.ok() ? "" : std::string(command_line.status().message()) + "\n")
              << kUsage;
    return 2;
  }
  const auto& cl = *command_line;
  const std::string& path = cl.arguments[0];
  auto identity = IdentityFromOptions(cl);
  if (!identity.ok()) {
    std::cerr << "jixiao import-evaluation: " << identity.status().message() << "\n";
    return 2;
  }
  auto text = ReadWholeFile(path);
  if (!text.ok()) {
    std::cerr << "jixiao import-evaluation: " << text.status().message() << "\n";
    return 2;
  }
  const corpus::CorpusFile file = corpus::SplitCorpusFile(*text);
  auto imported = table_import::ImportEvaluationText(file.table);
  if (!imported.ok()) {
    std::cerr << path << ": refused: " << imported.status().message() << "\n";
    return 1;
  }
  for (const auto& finding : imported->findings) {
    std::cerr << path << ": " << table_import::FindingText(finding) << "\n";
  }
  auto& report = imported->report;
  table_import::ApplyIdentity(*identity, report);
  if (const auto source = file.header.find("source"); source != file.header.end()) {
    report.mutable_source()->set_file(source->second);
  }
  const std::string json = report_json::ToJson(report);
  if (cl.Option("out").empty()) {
    std::cout << json;
  } else {
    std::ofstream out(cl.Option("out"), std::ios::binary | std::ios::trunc);
    out << json;
    if (!out) {
      std::cerr << "jixiao import-evaluation: cannot write " << cl.Option("out") << "\n";
      return 1;
    }
  }
  std::cerr << path << ": " << table_import::LayoutName(imported->layout) << ", "
            << report.indicators_size() << " indicators, " << imported->findings.size()
            << " findings\n";
  return 0;
}

}  // namespace jixiao::cli
