// Why: scoring loads its rule sets from text-format files a user may drop into the
// scheme directory (services/scoring/schemes/README.md). The loader's steps, from
// the bytes on: ParseSchemeFile (syntax, validation, the did-you-mean of errors),
// the published lock, SchemeSet::Add (preparing the scheme). A file must be refused
// or accepted, never crash the service at start; and a scheme accepted must score:
// it is used on a real report of its kind, as the engine would at the first request,
// and every number of the card must be finite.
// The lock file's parser takes the same bytes.
//
// Input: a scheme file's bytes (or a lock file's).

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "common/domain/normalization/report_normalizer.h"
#include "common/domain/report_json/json_codec.h"
#include "common/domain/table_import/evaluation_import.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "services/scoring/engine/score_engine.h"
#include "services/scoring/scheme/published_lock.h"
#include "services/scoring/scheme/scheme_parser.h"
#include "services/scoring/scheme/scheme_set.h"

namespace {

namespace fs = std::filesystem;

void Check(bool condition) {
  if (!condition) std::abort();
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

fs::path SourceDir() {
  const char* dir = std::getenv("JIXIAO_SOURCE_DIR");
  return dir != nullptr ? dir : JIXIAO_DEFAULT_SOURCE_DIR;
}

// What a scheme is tried on: the real lock, and one real report of each kind (the
// seed reports and the corpus's self-evaluations, imported), normalized as stored.
struct Fixtures {
  jixiao::scoring::PublishedLock lock;
  std::map<jixiao::v1::ReportKind, jixiao::v1::EvaluationReport> reports;

  void AddReport(jixiao::v1::EvaluationReport report) {
    const jixiao::v1::ReportKind kind = report.kind();
    reports.emplace(kind, jixiao::normalization::NormalizeReport(std::move(report)));
  }
};

Fixtures LoadFixtures() {
  Fixtures fixtures;
  const fs::path source = SourceDir();
  const fs::path lock_path = source / "services/scoring/schemes/published.lock";
  absl::StatusOr<jixiao::scoring::PublishedLock> lock =
      jixiao::scoring::ParsePublishedLock(lock_path.string(), ReadFile(lock_path));
  Check(lock.ok());
  fixtures.lock = *std::move(lock);
  for (const char* folder : {"data/seeds", "data/corpus"}) {
    for (const fs::directory_entry& entry : fs::directory_iterator(source / folder)) {
      const std::string text = ReadFile(entry.path());
      jixiao::v1::EvaluationReport report;
      if (entry.path().extension() == ".json") {
        if (jixiao::report_json::ParseJson(text, &report).ok())
          fixtures.AddReport(std::move(report));
        continue;
      }
      // A corpus table: the text after its header block.
      const size_t table = text.find("\n---\n");
      if (entry.path().extension() != ".txt" || table == std::string::npos) continue;
      auto imported = jixiao::table_import::ImportEvaluationText(text.substr(table + 5));
      if (imported.ok()) fixtures.AddReport(std::move(imported->report));
    }
  }
  Check(!fixtures.reports.empty());
  return fixtures;
}

// Every number of `message` and the messages it holds is finite: a scheme that loads
// must not score NaN or infinity.
bool AllFinite(const google::protobuf::Message& message) {
  const google::protobuf::Reflection& reflection = *message.GetReflection();
  std::vector<const google::protobuf::FieldDescriptor*> fields;
  reflection.ListFields(message, &fields);
  for (const google::protobuf::FieldDescriptor* field : fields) {
    const int count = field->is_repeated() ? reflection.FieldSize(message, field) : 1;
    for (int i = 0; i < count; ++i) {
      const bool repeated = field->is_repeated();
      switch (field->cpp_type()) {
        case google::protobuf::FieldDescriptor::CPPTYPE_DOUBLE:
          if (!std::isfinite(repeated ? reflection.GetRepeatedDouble(message, field, i)
                                      : reflection.GetDouble(message, field))) {
            return false;
          }
          break;
        case google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE:
          if (!AllFinite(repeated ? reflection.GetRepeatedMessage(message, field, i)
                                  : reflection.GetMessage(message, field))) {
            return false;
          }
          break;
        default:
          break;
      }
    }
  }
  return true;
}

const Fixtures& TheFixtures() {
  static const Fixtures* const fixtures = new Fixtures(LoadFixtures());
  return *fixtures;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)TheFixtures();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view bytes(reinterpret_cast<const char*>(data), size);
  const Fixtures& fixtures = TheFixtures();
  (void)jixiao::scoring::ParsePublishedLock("fuzz.lock", bytes);

  absl::StatusOr<jixiao::scoring::SchemeFile> file =
      jixiao::scoring::ParseSchemeFile("fuzz.textproto", bytes);
  if (!file.ok()) {
    Check(absl::StartsWith(file.status().message(), "fuzz.textproto:"));
    return 0;
  }
  (void)jixiao::scoring::CheckAgainstLock(fixtures.lock, *file);
  (void)jixiao::scoring::LockLine(*file);
  const std::string id = file->scheme.id();
  const int version = file->scheme.version();
  const jixiao::v1::ReportKind kind = file->scheme.report_kind();

  // A file ParseSchemeFile accepts always prepares (scheme_set.h).
  jixiao::scoring::SchemeSet schemes;
  Check(schemes.Add(*std::move(file)).ok());
  const jixiao::scoring::PreparedScheme* prepared = schemes.FindPrepared(id, version);
  Check(prepared != nullptr);
  if (const auto report = fixtures.reports.find(kind); report != fixtures.reports.end()) {
    const absl::StatusOr<jixiao::v1::ScoreCard> card =
        jixiao::scoring::ScoreReport(report->second, *prepared);
    Check(card.ok() && AllFinite(*card));
  }
  return 0;
}
