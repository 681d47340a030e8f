#pragma once

// The content hash that decides whether a submission is a new version: the
// store keeps a new version only when this hash differs from the latest one's.

#include <string>

#include "google/protobuf/message_lite.h"

namespace jixiao::content_hash {

// Lower-case hex SHA-256 of the message's deterministic serialization. Equal
// messages hash alike within this build: deterministic serialization writes
// fields in field-number order and map entries sorted by key, which the
// default serialization does not promise. Callers hash the normalized form, so
// that differences normalization removes (a submitted `parsed`, the order of
// sector tags) never make a new version.
std::string ContentHash(const google::protobuf::MessageLite& message);

}  // namespace jixiao::content_hash
