#pragma once

// The requests a load run sends, parsed once from proto3 JSON into the
// method's request type and serialized, so that the run itself only copies
// bytes. Errors say where the bad request came from ("cards.jsonl:3: ...").

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "bench/load/load_options.h"
#include "google/protobuf/descriptor.h"

namespace jixiao::load {

// One request's JSON and where it came from.
struct RequestText {
  std::string where;  // "FILE:LINE" or "--request-json"
  std::string json;
};

// JSON Lines: one request per line. Blank lines are skipped but still counted,
// so that line numbers match an editor's; a trailing '\r' is dropped. Refuses a
// file with no request in it.
absl::StatusOr<std::vector<RequestText>> ParseJsonLines(const std::string& where_prefix,
                                                        const std::string& contents);

// Each request parsed as `request_type` (unknown fields are an error, so that
// a misspelled field is not silently sent as an empty one) and serialized.
absl::StatusOr<std::vector<std::string>> EncodeRequests(
    const google::protobuf::Descriptor& request_type, const std::vector<RequestText>& requests);

// The requests the options name: --requests FILE, --request-json, or one
// empty request "{}", encoded as `request_type`.
absl::StatusOr<std::vector<std::string>> LoadRequestPayloads(
    const LoadOptions& options, const google::protobuf::Descriptor& request_type);

}  // namespace jixiao::load
