#pragma once

// A target table's text names neither its department's code nor its year, so the
// commands that take the text (import-targets, ingest) are told them by options:
// --department-code, --department-name, --district-name, --level, --sector-tags, --year.

#include <set>
#include <string>

#include "absl/status/statusor.h"
#include "jixiao/v1/department.pb.h"
#include "tools/jixiao/command_line.h"

namespace jixiao::cli {

struct TargetTableOwner {
  jixiao::v1::Department department;
  int fiscal_year = 0;
};

// The option names read by TargetTableOwnerFromOptions, to declare to ParseCommandLine.
const std::set<std::string>& TargetTableOwnerOptions();

// The department (its district code is the part of --department-code before the
// ':') and year. Fails when --level or --year is not valid; whether the
// department is complete is left to validation, which names the field.
absl::StatusOr<TargetTableOwner> TargetTableOwnerFromOptions(const ParsedCommandLine& cl);

}  // namespace jixiao::cli
