#include "tools/jixiao/offline_commands.h"

#include <cstdio>
#include <iostream>

#include "common/domain/normalization/report_normalizer.h"
#include "common/domain/report_id/report_id.h"
#include "common/domain/report_json/json_codec.h"
#include "common/domain/table_import/target_table_layouts.h"
#include "common/domain/validation/consistency_checker.h"
#include "common/domain/validation/report_validator.h"
#include "tools/jixiao/command_options.h"
#include "tools/jixiao/corpus/corpus_file.h"
#include "tools/jixiao/input_files.h"

namespace jixiao::cli {
namespace {

void PrintFindings(const std::vector<jixiao::v1::Finding>& findings) {
  for (const auto& f : findings) {
    std::cout << "  warning " << f.code() << " at " << f.field_path() << ": " << f.message()
              << "\n";
  }
}

void PrintViolations(const validation::FieldViolations& violations) {
  for (const auto& v : violations)
    std::cout << "  error " << v.field << ": " << v.description << "\n";
}

// One file: a report, or else a target table. Returns false when refused.
bool ValidateFile(const std::string& path) {
  auto text = ReadWholeFile(path);
  if (!text.ok()) {
    std::cout << path << ": " << text.status().message() << "\n";
    return false;
  }
  jixiao::v1::EvaluationReport report;
  const absl::Status as_report = report_json::ParseJson(*text, &report);
  if (as_report.ok()) {
    const auto violations = validation::ValidateReport(report);
    const auto normalized = normalization::NormalizeReport(report);
    const auto warnings = validation::CheckReportConsistency(normalized);
    std::cout << path << ": " << (violations.empty() ? "valid" : "REFUSED") << " report "
              << normalized.report_id() << ", " << violations.size() << " errors, "
              << warnings.size() << " warnings\n";
    PrintViolations(violations);
    PrintFindings(warnings);
    return violations.empty();
  }
  jixiao::v1::ProjectTargetTable table;
  if (report_json::ParseJson(*text, &table).ok()) {
    const auto violations = validation::ValidateTargetTable(table);
    const auto warnings = validation::CheckTargetTableConsistency(table);
    std::cout << path << ": " << (violations.empty() ? "valid" : "REFUSED") << " target table "
              << report_id::OfTargetTable(table) << ", " << violations.size() << " errors, "
              << warnings.size() << " warnings\n";
    PrintViolations(violations);
    PrintFindings(warnings);
    return violations.empty();
  }
  std::cout << path << ": REFUSED: " << as_report.message() << "\n";
  return false;
}

}  // namespace

int RunValidate(const std::vector<std::string>& args) {
  OptionSet options("jixiao validate",
                    "Checks reports and target tables (proto3 JSON): errors refuse a file, "
                    "warnings do not.");
  std::vector<std::string> paths;
  options.AddArguments("FILE|DIR", paths, "files, and folders walked for *.json")->required();
  if (auto exit = ParseCommand(options, args)) return *exit;
  auto files = ExpandInputPaths(paths, {".json"});
  if (!files.ok()) {
    std::cerr << "jixiao validate: " << files.status().message() << "\n";
    return kExitUsage;
  }
  int refused = 0;
  for (const auto& file : *files) refused += ValidateFile(file) ? 0 : 1;
  std::cout << files->size() - refused << " valid, " << refused << " refused\n";
  return refused == 0 ? kExitOk : kExitFailure;
}

int RunImportTargets(const std::vector<std::string>& args) {
  OptionSet options("jixiao import-targets",
                    "Imports a 项目支出绩效目标表 text as a target table, printed as proto3 JSON.");
  std::string path;
  options.AddArguments("FILE", path, "the table's text")->required();
  table_import::ReportIdentity owner;
  AddReportIdentity(options, owner);
  std::string out_path;
  options.Add("--out", out_path, "write the JSON here instead of standard output")
      ->type_name("FILE");
  if (auto exit = ParseCommand(options, args)) return *exit;
  if (absl::Status status = CheckTargetTableOwner(owner); !status.ok()) {
    return UsageError(options, status.message());
  }
  auto text = ReadWholeFile(path);
  if (!text.ok()) {
    std::cerr << "jixiao import-targets: " << text.status().message() << "\n";
    return 2;
  }
  // A corpus file carries a header block before the table; line numbers count
  // from the table's first line.
  auto layout_import = table_import::ImportAnyTargetTableText(corpus::SplitCorpusFile(*text).table);
  if (!layout_import.ok()) {
    std::cerr << path << ": refused: " << layout_import.status().message() << "\n";
    return 1;
  }
  auto& imported = layout_import->import;
  for (const auto& e : imported.errors)
    std::cerr << path << ":" << e.line << ": " << e.reason << "\n";
  for (const auto& f : imported.findings)
    std::cerr << path << ":" << f.line << ": " << f.reason << "\n";

  auto& table = imported.table;
  // The department name printed in the text stays unless --department-name
  // replaces it.
  table_import::ApplyIdentity(owner, table);

  const auto violations = validation::ValidateTargetTable(table);
  for (const auto& v : violations)
    std::cerr << path << ": " << v.field << ": " << v.description << "\n";
  if (!violations.empty()) return 1;
  table = normalization::NormalizeTargetTable(std::move(table));
  for (const auto& f : validation::CheckTargetTableConsistency(table)) {
    std::cerr << path << ": warning " << f.code() << ": " << f.message() << "\n";
  }
  const std::string json = report_json::ToJson(table);
  if (absl::Status written = WriteOutput(out_path, json); !written.ok()) {
    std::cerr << "jixiao import-targets: " << written.message() << "\n";
    return kExitFailure;
  }
  std::cerr << path << ": " << table_import::TargetLayoutName(layout_import->layout)
            << ", imported " << table.projects_size() << " projects, " << imported.errors.size()
            << " bad lines\n";
  return imported.errors.empty() ? 0 : 1;
}

}  // namespace jixiao::cli
