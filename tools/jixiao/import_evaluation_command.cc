#include "tools/jixiao/import_evaluation_command.h"

#include <iostream>

#include "common/domain/report_json/json_codec.h"
#include "common/domain/table_import/evaluation_import.h"
#include "common/domain/table_import/report_identity.h"
#include "tools/jixiao/command_options.h"
#include "tools/jixiao/corpus/corpus_file.h"
#include "tools/jixiao/input_files.h"

namespace jixiao::cli {

int RunImportEvaluation(const std::vector<std::string>& args) {
  OptionSet options("jixiao import-evaluation",
                    "Imports a published 项目支出绩效自评表 text as a report, printed as proto3 "
                    "JSON. The\noptions give what the table does not print; each replaces what "
                    "it does.");
  std::string path;
  options.AddArguments("FILE", path, "the table's text")->required();
  table_import::ReportIdentity identity;
  AddReportIdentity(options, identity);
  options.Add("--project-code", identity.project_code, "the project's code")->type_name("CODE");
  std::string out_path;
  options.Add("--out", out_path, "write the JSON here instead of standard output")
      ->type_name("FILE");
  if (auto exit = ParseCommand(options, args)) return *exit;
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
  table_import::ApplyIdentity(identity, report);
  if (const auto source = file.header.find("source"); source != file.header.end()) {
    report.mutable_source()->set_file(source->second);
  }
  const std::string json = report_json::ToJson(report);
  if (absl::Status written = WriteOutput(out_path, json); !written.ok()) {
    std::cerr << "jixiao import-evaluation: " << written.message() << "\n";
    return kExitFailure;
  }
  std::cerr << path << ": " << table_import::LayoutName(imported->layout) << ", "
            << report.indicators_size() << " indicators, " << imported->findings.size()
            << " findings\n";
  return 0;
}

}  // namespace jixiao::cli
