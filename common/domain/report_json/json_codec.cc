#include "common/domain/report_json/json_codec.h"

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"

namespace jixiao::report_json {

absl::Status ParseJson(absl::string_view json, google::protobuf::Message* message) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), message, options);
  if (!status.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("not a valid ", message->GetTypeName(),
                                                   " JSON: ", status.message().ToString()));
  }
  return absl::OkStatus();
}

namespace {

std::string Print(const google::protobuf::Message& message, bool add_whitespace) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = add_whitespace;
  options.preserve_proto_field_names = true;
  std::string out;
  // Printing a well-formed message cannot fail.
  (void)google::protobuf::util::MessageToJsonString(message, &out, options);
  return out;
}

}  // namespace

std::string ToJson(const google::protobuf::Message& message) {
  return Print(message, /*add_whitespace=*/true);
}

std::string ToJsonLine(const google::protobuf::Message& message) {
  return Print(message, /*add_whitespace=*/false);
}

}  // namespace jixiao::report_json
