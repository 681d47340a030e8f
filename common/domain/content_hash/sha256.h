#pragma once

// SHA-256, from OpenSSL's libcrypto. Scheme files are identified by the hash
// of their bytes, so that a published rule set cannot change without a new
// version, and stored reports by the hash of their normalized content.

#include <string>

#include "absl/strings/string_view.h"

namespace jixiao::sha256 {

// The SHA-256 digest of `bytes` as 64 lower-case hex digits.
std::string Sha256Hex(absl::string_view bytes);

}  // namespace jixiao::sha256
