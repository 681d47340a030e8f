#pragma once

// Reports travel as JSON through protobuf's own JSON mapping: no hand-written
// JSON anywhere, so the file format is exactly the jixiao.v1 contract.

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace jixiao::report_json {

// Parses proto3 JSON into `message`. Unknown fields are refused: a misspelled
// field in a hand-written report must not vanish silently.
absl::Status ParseJson(absl::string_view json, google::protobuf::Message* message);

// Prints `message` as proto3 JSON with the .proto field names, two-space indented.
std::string ToJson(const google::protobuf::Message& message);

// The same JSON on one line, without a trailing newline: one record of a JSON
// Lines file (datasets, load-test requests).
std::string ToJsonLine(const google::protobuf::Message& message);

}  // namespace jixiao::report_json
