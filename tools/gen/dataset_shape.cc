#include "tools/gen/dataset_shape.h"

#include "absl/strings/str_cat.h"
#include "tools/gen/department_types.h"

namespace jixiao::gen {
namespace {

absl::Status CheckShare(const char* name, double share) {
  if (share >= 0 && share <= 1) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(name, ": must be a share in [0, 1], got ", share));
}

}  // namespace

absl::Status CheckShape(const DatasetShape& shape) {
  // Division codes are "9" + five digits: no GB/T 2260 code starts with 9, so
  // synthetic divisions never pass for real ones.
  if (shape.divisions < 1 || shape.divisions > 99999) {
    return absl::InvalidArgumentError(
        absl::StrCat("divisions: must be 1..99999, got ", shape.divisions));
  }
  const int types = static_cast<int>(DepartmentTypes().size());
  if (shape.departments_per_division < 1 || shape.departments_per_division > types) {
    return absl::InvalidArgumentError(absl::StrCat(
        "departments: must be 1..", types, " per division, got ", shape.departments_per_division));
  }
  if (shape.first_year < 2000 || shape.years < 1 || shape.first_year + shape.years - 1 > 2100) {
    return absl::InvalidArgumentError(absl::StrCat(
        "years: ", shape.first_year, " and ", shape.years, " years must stay within 2000..2100"));
  }
  for (auto [name, share] : {std::pair{"over_completion_share", shape.over_completion_share},
                             {"missing_actual_share", shape.missing_actual_share},
                             {"inconsistent_figures_share", shape.inconsistent_figures_share},
                             {"over_claiming_share", shape.over_claiming_share},
                             {"unlisted_fund_share", shape.unlisted_fund_share}}) {
    if (absl::Status status = CheckShare(name, share); !status.ok()) return status;
  }
  return absl::OkStatus();
}

int64_t ReportCount(const DatasetShape& shape) {
  return int64_t{shape.divisions} * shape.departments_per_division * shape.years;
}

ReportAddress AddressAt(const DatasetShape& shape, int64_t index) {
  const int64_t per_year = int64_t{shape.divisions} * shape.departments_per_division;
  ReportAddress address;
  address.year = shape.first_year + static_cast<int>(index / per_year);
  const int64_t in_year = index % per_year;
  address.division = static_cast<int>(in_year / shape.departments_per_division);
  address.department = static_cast<int>(in_year % shape.departments_per_division);
  return address;
}

}  // namespace jixiao::gen
