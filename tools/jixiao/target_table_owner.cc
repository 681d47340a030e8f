#include "tools/jixiao/target_table_owner.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "tools/jixiao/typed_options.h"

namespace jixiao::cli {

const std::set<std::string>& TargetTableOwnerOptions() {
  static const auto* const kNames = new std::set<std::string>{
      "department-code", "department-name", "district-name", "level", "year", "sector-tags"};
  return *kNames;
}

absl::StatusOr<TargetTableOwner> TargetTableOwnerFromOptions(const ParsedCommandLine& cl) {
  auto level = ParseLevel(cl.Option("level"));
  if (!level.ok()) return level.status();
  TargetTableOwner owner;
  if (!absl::SimpleAtoi(cl.Option("year"), &owner.fiscal_year)) {
    return absl::InvalidArgumentError("--year must be a number");
  }
  auto& department = owner.department;
  department.set_code(cl.Option("department-code"));
  if (!cl.Option("department-name").empty()) department.set_name(cl.Option("department-name"));
  department.mutable_district()->set_code(department.code().substr(0, department.code().find(':')));
  department.mutable_district()->set_name(cl.Option("district-name"));
  department.set_level(*level);
  for (absl::string_view tag : absl::StrSplit(cl.Option("sector-tags"), ',', absl::SkipEmpty())) {
    department.add_sector_tags(std::string(tag));
  }
  return owner;
}

}  // namespace jixiao::cli
