// fuzz_proto_seeds PROTO_DIR JSON_DIR FILE...: seeds for the fuzzers that read
// messages rather than text. Each JSON report or target table (or golden import,
// in text format: tests/tools/jixiao/corpus/testdata) becomes binary
// protobuf in PROTO_DIR, in request_validation_fuzzer's form (a byte choosing the
// message, then its encoding), alone and inside its request. Each table text (a
// corpus file, header block and all) is imported, and what it gives is written both
// there and, as JSON, in JSON_DIR for report_json_fuzzer. Not a fuzzer: fuzz/run
// runs it before fuzzing.

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "absl/strings/match.h"
#include "common/domain/report_json/json_codec.h"
#include "common/domain/table_import/evaluation_import.h"
#include "common/domain/table_import/report_identity.h"
#include "common/domain/table_import/target_table_layouts.h"
#include "google/protobuf/stubs/logging.h"
#include "google/protobuf/text_format.h"
#include "jixiao/v1/ingest_service.pb.h"

namespace {

namespace fs = std::filesystem;

// The first byte of request_validation_fuzzer's input.
enum Kind : char { kReport = 0, kTargetTable = 1, kSubmitReport = 2, kImportTargetTable = 3 };

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

void WriteProto(const fs::path& dir, const std::string& name, Kind kind,
                const google::protobuf::Message& message) {
  WriteFile(dir / (name + "." + std::to_string(kind) + ".bin"),
            std::string(1, kind) + message.SerializeAsString());
}

void WriteReport(const fs::path& dir, const std::string& name,
                 const jixiao::v1::EvaluationReport& report) {
  WriteProto(dir, name, kReport, report);
  jixiao::v1::SubmitReportRequest request;
  *request.mutable_report() = report;
  WriteProto(dir, name, kSubmitReport, request);
}

void WriteTargetTable(const fs::path& dir, const std::string& name,
                      const jixiao::v1::ProjectTargetTable& table) {
  WriteProto(dir, name, kTargetTable, table);
  jixiao::v1::ImportTargetTableRequest request;
  *request.mutable_table() = table;
  WriteProto(dir, name, kImportTargetTable, request);
}

// What a table does not print, so that its import validates and goes on.
jixiao::table_import::ReportIdentity SeedIdentity() {
  jixiao::table_import::ReportIdentity identity;
  identity.department_code = "440106:seed";
  identity.district_name = "天河区";
  identity.level = jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT;
  identity.sector_tags = {"seed"};
  return identity;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: fuzz_proto_seeds PROTO_DIR JSON_DIR FILE...\n";
    return 2;
  }
  // A golden is tried as a report, then as a target table: the first failure is expected.
  google::protobuf::SetLogHandler(nullptr);
  const fs::path proto_dir = argv[1];
  const fs::path json_dir = argv[2];
  int written = 0;
  for (int i = 3; i < argc; ++i) {
    const fs::path path = argv[i];
    const std::string name = path.filename().string();
    const std::string text = ReadFile(path);
    jixiao::v1::EvaluationReport report;
    jixiao::v1::ProjectTargetTable table;
    if (path.extension() == ".json") {
      if (jixiao::report_json::ParseJson(text, &report).ok()) {
        WriteReport(proto_dir, name, report);
        ++written;
      } else if (jixiao::report_json::ParseJson(text, &table).ok()) {
        WriteTargetTable(proto_dir, name, table);
        ++written;
      }
      continue;
    }
    if (absl::EndsWith(path.string(), ".golden.txt")) {
      // An import's golden: the message in text format, then "# findings" and a list.
      const std::string message = text.substr(0, text.find("\n# findings"));
      if (google::protobuf::TextFormat::ParseFromString(message, &report)) {
        WriteReport(proto_dir, name, report);
        WriteFile(json_dir / (name + ".json"), jixiao::report_json::ToJson(report));
        ++written;
      } else if (google::protobuf::TextFormat::ParseFromString(message, &table)) {
        WriteTargetTable(proto_dir, name, table);
        WriteFile(json_dir / (name + ".json"), jixiao::report_json::ToJson(table));
        ++written;
      }
      continue;
    }
    const size_t header_end = text.find("\n---\n");
    const std::string body = header_end == std::string::npos ? text : text.substr(header_end + 5);
    if (auto imported = jixiao::table_import::ImportEvaluationText(body); imported.ok()) {
      jixiao::table_import::ApplyIdentity(SeedIdentity(), imported->report);
      WriteReport(proto_dir, name, imported->report);
      WriteFile(json_dir / (name + ".json"), jixiao::report_json::ToJson(imported->report));
      ++written;
    } else if (auto targets = jixiao::table_import::ImportAnyTargetTableText(body); targets.ok()) {
      jixiao::v1::ProjectTargetTable& imported_table = targets->import.table;
      jixiao::table_import::ApplyIdentity(SeedIdentity(), imported_table);
      if (imported_table.fiscal_year() == 0) imported_table.set_fiscal_year(2024);
      WriteTargetTable(proto_dir, name, imported_table);
      WriteFile(json_dir / (name + ".json"), jixiao::report_json::ToJson(imported_table));
      ++written;
    }
  }
  std::cout << written << " of " << argc - 3 << " files made seeds\n";
  return 0;
}
