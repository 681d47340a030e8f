#pragma once
// Who is calling, once authenticated, and what each role may do. The checks are the
// one place the security model is written down in code; docs/reliability.md states it
// for people.
//
//   role     writes reports of       reads report bodies and       reads totals, grades,
//                                    indicator-level scorecards of  ranks, statistics of
//   reader   nothing                 its jurisdiction               every district
//   writer   its jurisdiction        its jurisdiction               every district
//   service  everywhere              everywhere                     every district
//
// A service principal is what jixiao's own services call each other as; operators use
// one for `jixiao score-year` as well.

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace jixiao::access {

enum class Role { kReader, kWriter, kService };

absl::string_view RoleName(Role role);

struct Principal {
  std::string name;
  Role role = Role::kReader;
  // The prefix of the division codes it covers (JurisdictionPrefix); empty: everywhere.
  std::string jurisdiction;
  // The division code it was configured with, for messages ("440106").
  std::string jurisdiction_code;
};

// Who calls when no access policy is configured: a development setup on loopback.
Principal Unrestricted();

// OK, or PERMISSION_DENIED saying who may not do what where. `division_code` is the
// division a report or table belongs to (DivisionOf its department code).
absl::Status CheckMayWrite(const Principal& principal, absl::string_view division_code);
absl::Status CheckMayReadDetail(const Principal& principal, absl::string_view division_code);
// Work for the whole system (rescoring a year): service principals only.
absl::Status CheckIsService(const Principal& principal, absl::string_view what);

}  // namespace jixiao::access
