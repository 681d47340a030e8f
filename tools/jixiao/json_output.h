#pragma once

// --json output of the network commands: a response message in proto3 JSON with
// the .proto field names. Byte for byte stable for the same message: protobuf's
// JSON printer writes map entries in the order of the binary encoding, which is
// unspecified unless serialized deterministically, so that is done first.

#include <string>

#include "google/protobuf/message.h"

namespace jixiao::cli {

enum class JsonLayout {
  kIndented,  // two-space indented, for one response
  kOneLine,   // no whitespace, for JSON Lines (one response per line)
};

// Ends in one newline.
std::string ToStableJson(const google::protobuf::Message& message,
                         JsonLayout layout = JsonLayout::kIndented);

}  // namespace jixiao::cli
