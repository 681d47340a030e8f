#include "services/query/logic/cohort_plan.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "common/score_cache/cache_keys.h"

namespace jixiao::query {

absl::Status CheckCohortCriteria(const jixiao::v1::Cohort& cohort) {
  if (!jixiao::v1::AdministrativeLevel_IsValid(cohort.level())) {
    return absl::InvalidArgumentError(
        absl::StrCat("cohort.level: unknown administrative level ", cohort.level()));
  }
  for (int i = 0; i < cohort.sector_tags_size(); ++i) {
    if (cohort.sector_tags(i).empty()) {
      return absl::InvalidArgumentError(absl::StrCat("cohort.sector_tags[", i, "]: is empty"));
    }
  }
  for (int i = 0; i < cohort.department_codes_size(); ++i) {
    if (cohort.department_codes(i).empty()) {
      return absl::InvalidArgumentError(absl::StrCat("cohort.department_codes[", i, "]: is empty"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<CohortPlan> CohortPlan::Resolve(const jixiao::v1::Cohort& requested,
                                               const NamedCohorts& named) {
  const jixiao::v1::Cohort* configured = &requested;
  if (!requested.name().empty()) {
    if (requested.level() != jixiao::v1::ADMINISTRATIVE_LEVEL_UNSPECIFIED ||
        !requested.sector_tags().empty() || !requested.department_codes().empty()) {
      return absl::InvalidArgumentError(
          "cohort: give either a name or criteria (level, sector_tags, department_codes)");
    }
    configured = named.Find(requested.name());
    if (configured == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat(
          "cohort.name: no cohort named \"", requested.name(), "\" is configured (ListCohorts)"));
    }
  }
  const jixiao::v1::Cohort& cohort = *configured;
  if (absl::Status status = CheckCohortCriteria(cohort); !status.ok()) return status;

  CohortPlan plan;
  plan.level_ = cohort.level();
  plan.sector_tags_.assign(cohort.sector_tags().begin(), cohort.sector_tags().end());
  std::sort(plan.sector_tags_.begin(), plan.sector_tags_.end());
  plan.sector_tags_.erase(std::unique(plan.sector_tags_.begin(), plan.sector_tags_.end()),
                          plan.sector_tags_.end());
  plan.department_codes_.assign(cohort.department_codes().begin(), cohort.department_codes().end());
  std::sort(plan.department_codes_.begin(), plan.department_codes_.end());
  plan.department_codes_.erase(
      std::unique(plan.department_codes_.begin(), plan.department_codes_.end()),
      plan.department_codes_.end());

  const bool has_level = plan.level_ != jixiao::v1::ADMINISTRATIVE_LEVEL_UNSPECIFIED;
  const size_t criteria =
      (has_level ? 1 : 0) + plan.sector_tags_.size() + (plan.department_codes_.empty() ? 0 : 1);
  if (criteria == 1 && has_level) {
    plan.redis_cohort_ = score_cache::LevelCohort(plan.level_);
  } else if (criteria == 1 && plan.sector_tags_.size() == 1) {
    plan.redis_cohort_ = score_cache::SectorCohort(plan.sector_tags_.front());
  } else {
    plan.redis_cohort_ = std::string(score_cache::kAllCohort);
    plan.is_redis_cohort_ = criteria == 0;
  }
  return plan;
}

bool CohortPlan::Admits(const jixiao::v1::Department& department) const {
  if (level_ != jixiao::v1::ADMINISTRATIVE_LEVEL_UNSPECIFIED && department.level() != level_) {
    return false;
  }
  for (const std::string& tag : sector_tags_) {
    if (std::find(department.sector_tags().begin(), department.sector_tags().end(), tag) ==
        department.sector_tags().end()) {
      return false;
    }
  }
  return department_codes_.empty() ||
         std::binary_search(department_codes_.begin(), department_codes_.end(), department.code());
}

}  // namespace jixiao::query
