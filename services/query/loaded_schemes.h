#pragma once
// The schemes the scoring service has loaded, asked once and kept for a while:
// every query needs its scheme resolved to a version (cache keys name it), and
// asking scoring each time would add a round trip to every answer. Scoring
// loads its schemes at start, so the list rarely changes; it is asked again
// when older than `max_age`, or when a request names a scheme it lacks. When
// scoring cannot be asked, the last list is used as long as there is one.
#include <mutex>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/platform/logging/logger.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/scheme.pb.h"
#include "services/query/query_call.h"
#include "services/query/scoring_client.h"

namespace jixiao::query {

// A scheme the scoring service has loaded: its ref (id, version, content
// hash) and the kind of report it scores.
struct LoadedScheme {
  jixiao::v1::SchemeRef ref;
  jixiao::v1::ReportKind report_kind = jixiao::v1::REPORT_KIND_UNSPECIFIED;
};

class LoadedSchemes {
 public:
  // `scoring` must outlive this object.
  LoadedSchemes(ScoringClient* scoring, std::string default_scheme_id, absl::Duration max_age,
                logging::Logger logger);

  // The loaded scheme `requested` means (common/domain/scheme_resolution, with
  // its errors); UNAVAILABLE (or scoring's error) when no list was ever obtained.
  absl::StatusOr<LoadedScheme> Resolve(const QueryCall& call,
                                       const jixiao::v1::SchemeRef& requested);

 private:
  // The list, asked again when stale or when `refresh`.
  absl::StatusOr<std::vector<LoadedScheme>> List(const QueryCall& call, bool refresh);
  absl::StatusOr<LoadedScheme> ResolveIn(const jixiao::v1::SchemeRef& requested,
                                         const std::vector<LoadedScheme>& schemes) const;

  ScoringClient* const scoring_;
  const std::string default_scheme_id_;
  const absl::Duration max_age_;
  const logging::Logger logger_;

  std::mutex mu_;
  std::vector<LoadedScheme> schemes_;  // guarded by mu_
  bool listed_ = false;                // guarded by mu_
  absl::Time listed_at_;               // guarded by mu_
};

}  // namespace jixiao::query
