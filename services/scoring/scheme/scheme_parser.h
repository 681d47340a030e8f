#pragma once

// Turns the bytes of one scheme file into a validated Scheme. No I/O: the
// loader reads files and hands their bytes here.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "jixiao/v1/scheme.pb.h"

namespace jixiao::scoring {

struct SchemeFile {
  v1::Scheme scheme;  // content_hash filled: SHA-256 of the file's bytes
  std::string file_name;
  // 1-based line of `version` (or of `id`, or 1), where errors about the
  // scheme's identity are reported.
  int version_line = 1;
};

// Parses protobuf text format and validates the result. A refusal is an
// InvalidArgument status whose message holds one "file:line: reason" per problem
// found (syntax, unknown field or enum value, weights that do not add up, …).
absl::StatusOr<SchemeFile> ParseSchemeFile(absl::string_view file_name, absl::string_view bytes);

}  // namespace jixiao::scoring
