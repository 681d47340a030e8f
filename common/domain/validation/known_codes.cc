#include "common/domain/validation/known_codes.h"

#include <algorithm>
#include <initializer_list>

namespace jixiao::validation {
namespace {

bool OneOf(absl::string_view value, std::initializer_list<absl::string_view> options) {
  return std::find(options.begin(), options.end(), value) != options.end();
}

}  // namespace

bool IsKnownLevel1Code(absl::string_view code) { return OneOf(code, {"1", "2", "3", "4"}); }

bool IsKnownLevel2Code(absl::string_view code) {
  return OneOf(code, {"11", "12", "13", "14", "21", "22", "23", "24", "31", "41", "42", "43"});
}

bool IsKnownBreakdownCategory(jixiao::v1::BreakdownDimension dimension,
                              absl::string_view category) {
  using jixiao::v1::BreakdownDimension;
  switch (dimension) {
    case jixiao::v1::BREAKDOWN_DIMENSION_FUNDING_SOURCE:
      return OneOf(category, {"general_public", "government_fund", "state_capital",
                              "fiscal_special_account", "other"});
    case jixiao::v1::BREAKDOWN_DIMENSION_NATURE:
      return OneOf(category, {"basic", "project"});
    case jixiao::v1::BREAKDOWN_DIMENSION_ECONOMIC_CLASS:
      return OneOf(category,
                   {"wages_welfare", "goods_services", "household_subsidies", "capital", "other"});
    case jixiao::v1::BREAKDOWN_DIMENSION_GOVERNMENT_LEVEL:
      return OneOf(category, {"own_level", "transfer"});
    default:
      return false;
  }
}

}  // namespace jixiao::validation
