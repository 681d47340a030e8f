#pragma once

// SHA-256 (FIPS 180-4). Scheme files are identified by the hash of their bytes, so
// that a published rule set cannot change without a new version, and stored
// reports by the hash of their normalized content. OpenSSL is not among the
// project's dependencies, and the algorithm is small.

#include <string>

#include "absl/strings/string_view.h"

namespace jixiao::sha256 {

// The SHA-256 digest of `bytes` as 64 lower-case hex digits.
std::string Sha256Hex(absl::string_view bytes);

}  // namespace jixiao::sha256
