#pragma once
// Which loaded scheme a request means. Cache keys name the scheme version, so
// "latest" must be resolved to a number before the cache can be read.
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/scheme.pb.h"

namespace jixiao::query {

// A scheme the scoring service has loaded: its ref (id, version, content
// hash) and the kind of report it scores.
struct LoadedScheme {
  jixiao::v1::SchemeRef ref;
  jixiao::v1::ReportKind report_kind = jixiao::v1::REPORT_KIND_UNSPECIFIED;
};

// An empty id means `default_id`; version 0 means the highest loaded version
// of the id. INVALID_ARGUMENT for a negative version (or no id at all);
// NOT_FOUND, naming the scheme, when the id or the version is not loaded.
// The requested content hash is ignored: the loaded scheme's is returned.
absl::StatusOr<LoadedScheme> ResolveScheme(const jixiao::v1::SchemeRef& requested,
                                           absl::string_view default_id,
                                           absl::Span<const LoadedScheme> loaded);

}  // namespace jixiao::query
