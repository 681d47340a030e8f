#pragma once
// The cohorts (peer groups) a deployment names in configuration, so that a
// finance bureau asks for "guangzhou-commerce" rather than spelling out its
// criteria on every call, and everyone asking by that name compares the same
// departments. The query service reads them from a text file at start
// (jixiao.v1.CohortConfig in protobuf text format, --cohorts): a new or changed
// cohort takes an edit and a restart, never a rebuild.
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "jixiao/v1/query_service.pb.h"

namespace jixiao::query {

class NamedCohorts {
 public:
  // No cohorts: every name is unknown.
  NamedCohorts() = default;

  // Parses and checks a configuration: names of lower-case letters, digits
  // and '-', each used once, and criteria CohortPlan accepts without a name.
  // INVALID_ARGUMENT naming the cohort and field at fault.
  static absl::StatusOr<NamedCohorts> Parse(const std::string& text);

  // The criteria of a named cohort, or null when none has that name.
  const jixiao::v1::Cohort* Find(const std::string& name) const;

  // In configuration order.
  const std::vector<jixiao::v1::NamedCohort>& cohorts() const { return cohorts_; }

 private:
  std::vector<jixiao::v1::NamedCohort> cohorts_;
};

}  // namespace jixiao::query
