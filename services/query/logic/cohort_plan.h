#pragma once
// How a request's cohort (peer group) is answered. A cohort the Redis layout
// keeps as a set of its own ("all", one level, one sector tag; see
// common/score_cache/cache_keys.h) is read as it is, and only such a cohort
// can be served from the Redis rankings. Anything else (explicit department
// codes, or several criteria at once) is the "all" cohort filtered in memory.
//
// Criteria combine with AND: a department must have the level, carry every
// listed sector tag, and be one of the listed departments. A cohort with an
// explicit list is read by its members' report ids (report_ids.h) rather than
// by filtering "all", so a 200-department list costs 200 lookups whatever the
// size of the country. A named cohort is replaced by its configured criteria
// (named_cohorts.h).
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "jixiao/v1/department.pb.h"
#include "jixiao/v1/query_service.pb.h"
#include "services/query/logic/named_cohorts.h"

namespace jixiao::query {

// INVALID_ARGUMENT, naming the field ("cohort.level: ..."), for an unknown
// level or an empty tag or department code. The name is not looked at.
absl::Status CheckCohortCriteria(const jixiao::v1::Cohort& cohort);

class CohortPlan {
 public:
  // INVALID_ARGUMENT, naming the field, for an unknown name, a name given
  // with criteria, or criteria CheckCohortCriteria refuses.
  static absl::StatusOr<CohortPlan> Resolve(const jixiao::v1::Cohort& cohort,
                                            const NamedCohorts& named = NamedCohorts());

  // The Redis cohort whose members are the candidates: "all", "level:…" or "sector:…".
  const std::string& redis_cohort() const { return redis_cohort_; }
  // The candidates are exactly the cohort: no filter in memory, and the Redis
  // rankings of redis_cohort() answer for it.
  bool is_redis_cohort() const { return is_redis_cohort_; }

  // Whether a department belongs to the cohort.
  bool Admits(const jixiao::v1::Department& department) const;

  // The criteria, for filters a downstream service can apply itself.
  jixiao::v1::AdministrativeLevel level() const { return level_; }
  const std::vector<std::string>& sector_tags() const { return sector_tags_; }
  // The explicit list, sorted and unique; empty when there is none.
  const std::vector<std::string>& department_codes() const { return department_codes_; }

 private:
  CohortPlan() = default;

  std::string redis_cohort_;
  bool is_redis_cohort_ = true;
  jixiao::v1::AdministrativeLevel level_ = jixiao::v1::ADMINISTRATIVE_LEVEL_UNSPECIFIED;
  std::vector<std::string> sector_tags_;
  std::vector<std::string> department_codes_;  // sorted, unique
};

}  // namespace jixiao::query
