// Why: reports and target tables reach jixiao as JSON files (`jixiao validate`,
// `jixiao ingest`, the datasets), read by ParseJson with unknown fields refused.
// Whatever the bytes, reading must fail cleanly or give a message that prints back
// to JSON which reads again as the same message (the CLI writes what it reads);
// what was read then goes through `jixiao validate`: validation (the message limits
// first), normalization and the consistency checks, which that command runs on
// refused reports too.
//
// Input: JSON text, read as a report and, when it is not one, as a target table.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "absl/strings/string_view.h"
#include "common/domain/normalization/report_normalizer.h"
#include "common/domain/report_json/json_codec.h"
#include "common/domain/validation/consistency_checker.h"
#include "common/domain/validation/report_validator.h"
#include "google/protobuf/stubs/logging.h"
#include "google/protobuf/util/field_comparator.h"
#include "google/protobuf/util/message_differencer.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/target_table.pb.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

// Prints `message`, reads the print back and compares (NaN equal to NaN: JSON
// carries it as "NaN").
void CheckRoundTrip(const google::protobuf::Message& message) {
  google::protobuf::util::DefaultFieldComparator comparator;
  comparator.set_treat_nan_as_equal(true);
  google::protobuf::util::MessageDifferencer differencer;
  differencer.set_field_comparator(&comparator);
  for (const std::string& printed :
       {jixiao::report_json::ToJson(message), jixiao::report_json::ToJsonLine(message)}) {
    const std::unique_ptr<google::protobuf::Message> again(message.New());
    Check(jixiao::report_json::ParseJson(printed, again.get()).ok());
    Check(differencer.Compare(message, *again));
  }
}

// What `jixiao validate` does with a file it read, valid or not.
void Validate(const jixiao::v1::EvaluationReport& report) {
  (void)jixiao::validation::ValidateReport(report);
  (void)jixiao::validation::CheckReportConsistency(jixiao::normalization::NormalizeReport(report));
}

void Validate(const jixiao::v1::ProjectTargetTable& table) {
  (void)jixiao::validation::ValidateTargetTable(table);
  (void)jixiao::validation::CheckTargetTableConsistency(table);
}

template <typename Message>
bool ReadAs(absl::string_view json) {
  Message message;
  if (!jixiao::report_json::ParseJson(json, &message).ok()) return false;
  CheckRoundTrip(message);
  Validate(message);
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // Protobuf logs strings that are not UTF-8; the status returned is all that matters.
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view json(reinterpret_cast<const char*>(data), size);
  if (!ReadAs<jixiao::v1::EvaluationReport>(json)) ReadAs<jixiao::v1::ProjectTargetTable>(json);
  return 0;
}
