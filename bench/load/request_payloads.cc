#include "bench/load/request_payloads.h"

#include <fstream>
#include <memory>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/message.h"
#include "google/protobuf/util/json_util.h"

namespace jixiao::load {

absl::StatusOr<std::vector<RequestText>> ParseJsonLines(const std::string& where_prefix,
                                                        const std::string& contents) {
  std::vector<RequestText> requests;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(contents, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    requests.push_back({absl::StrCat(where_prefix, ":", line_number), std::string(line)});
  }
  if (requests.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(where_prefix, ": no request in it"));
  }
  return requests;
}

absl::StatusOr<std::vector<std::string>> EncodeRequests(
    const google::protobuf::Descriptor& request_type, const std::vector<RequestText>& requests) {
  const google::protobuf::Message* prototype =
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(&request_type);
  if (prototype == nullptr) {
    return absl::InternalError(
        absl::StrCat("no generated class for ", request_type.full_name(), " is linked in"));
  }
  google::protobuf::util::JsonParseOptions parse_options;
  parse_options.ignore_unknown_fields = false;
  std::vector<std::string> payloads;
  payloads.reserve(requests.size());
  for (const RequestText& request : requests) {
    std::unique_ptr<google::protobuf::Message> message(prototype->New());
    const auto status = google::protobuf::util::JsonStringToMessage(
        google::protobuf::StringPiece(request.json.data(), request.json.size()), message.get(),
        parse_options);
    if (!status.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(request.where, ": not a valid ",
                                                     request_type.full_name(),
                                                     " in JSON: ", status.message().ToString()));
    }
    std::string& bytes = payloads.emplace_back();
    if (!message->SerializeToString(&bytes)) {
      return absl::InvalidArgumentError(
          absl::StrCat(request.where, ": cannot serialize the ", request_type.full_name()));
    }
  }
  return payloads;
}

absl::StatusOr<std::vector<std::string>> LoadRequestPayloads(
    const LoadOptions& options, const google::protobuf::Descriptor& request_type) {
  if (!options.requests_file.empty()) {
    std::ifstream in(options.requests_file, std::ios::binary);
    if (!in) {
      return absl::InvalidArgumentError(absl::StrCat("cannot read ", options.requests_file));
    }
    std::ostringstream contents;
    contents << in.rdbuf();
    absl::StatusOr<std::vector<RequestText>> requests =
        ParseJsonLines(options.requests_file, contents.str());
    if (!requests.ok()) return requests.status();
    return EncodeRequests(request_type, *requests);
  }
  const std::string json = options.request_json.empty() ? "{}" : options.request_json;
  return EncodeRequests(request_type, {{"--request-json", json}});
}

}  // namespace jixiao::load
