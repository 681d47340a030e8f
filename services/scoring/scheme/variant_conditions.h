#pragma once

// The conditions a scheme variant names in `when`: predicates joined by "and"
// and "or" ("and" binds first), each optionally preceded by "not":
//   when: "has_cost_indicator and not no_special_funds"
// The predicates are a closed list: a scheme naming any other is refused at
// load, with the closest known name, so that a typo cannot make a variant
// silently never apply.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace jixiao::scoring {

// The report lists no special fund (专项资金) and assesses no special-fund item.
inline constexpr absl::string_view kNoSpecialFunds = "no_special_funds";
// The report has an indicator of level 1 "4" (成本, 财预〔2021〕101号).
inline constexpr absl::string_view kHasCostIndicator = "has_cost_indicator";

// Every known predicate with what it means, for errors and documentation.
struct VariantPredicate {
  absl::string_view name;
  absl::string_view meaning;
};
const std::vector<VariantPredicate>& KnownVariantPredicates();

// One predicate of a condition, possibly negated.
struct ConditionTerm {
  std::string predicate;
  bool negated = false;
};

// Any of `any_of` holds when every term of it holds.
struct VariantCondition {
  std::vector<std::vector<ConditionTerm>> any_of;
};

// InvalidArgument naming the unknown predicate (with did-you-mean) or the
// misplaced word.
absl::StatusOr<VariantCondition> ParseVariantCondition(absl::string_view when);

// "no_special_funds, has_cost_indicator, …", for error messages.
std::string KnownVariantConditionList();

}  // namespace jixiao::scoring
