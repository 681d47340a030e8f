#pragma once

// The seed evaluations of data/seeds/, as the ingest tests submit them.

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/domain/report_json/json_codec.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/target_table.pb.h"
#include "tests/support/source_dir.h"

namespace jixiao::ingest::testing {

inline constexpr char kSeedTargetTable[] =
    "data/seeds/tianhe-commerce-finance-bureau-2024-project-targets.json";
inline constexpr char kSeedTargetTableText[] =
    "data/sources/tianhe-commerce-finance-bureau-2024-project-targets.txt";

// Every seed report, in file-name order. The target table, the one seed that
// is not a report, is left out.
inline std::vector<jixiao::v1::EvaluationReport> SeedReports() {
  std::vector<std::string> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(jixiao::testing::SourcePath("data/seeds"))) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".json" && name.find("project-targets") == std::string::npos) {
      files.push_back("data/seeds/" + name);
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<jixiao::v1::EvaluationReport> reports;
  for (const std::string& file : files) {
    jixiao::v1::EvaluationReport report;
    const absl::Status parsed =
        report_json::ParseJson(jixiao::testing::ReadSourceFile(file), &report);
    if (!parsed.ok()) throw std::runtime_error(file + ": " + std::string(parsed.message()));
    reports.push_back(std::move(report));
  }
  return reports;
}

inline jixiao::v1::ProjectTargetTable SeedTargetTable() {
  jixiao::v1::ProjectTargetTable table;
  const absl::Status parsed =
      report_json::ParseJson(jixiao::testing::ReadSourceFile(kSeedTargetTable), &table);
  if (!parsed.ok()) throw std::runtime_error(std::string(parsed.message()));
  return table;
}

}  // namespace jixiao::ingest::testing
