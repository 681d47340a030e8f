#include "services/scoring/scheme/variant_conditions.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "services/scoring/scheme/did_you_mean.h"

namespace jixiao::scoring {
namespace {

bool IsKnown(absl::string_view name) {
  for (const VariantPredicate& predicate : KnownVariantPredicates()) {
    if (predicate.name == name) return true;
  }
  return false;
}

std::vector<std::string> KnownNames() {
  std::vector<std::string> names;
  for (const VariantPredicate& predicate : KnownVariantPredicates()) {
    names.emplace_back(predicate.name);
  }
  return names;
}

}  // namespace

const std::vector<VariantPredicate>& KnownVariantPredicates() {
  static const auto* const predicates = new std::vector<VariantPredicate>{
      {kNoSpecialFunds, "the report lists no special fund and assesses no special-fund item"},
      {"has_special_funds", "the opposite of no_special_funds"},
      {kHasCostIndicator, "the report has a 成本 indicator (level 1 \"4\")"},
      {"no_satisfaction_indicator", "the report has no 满意度 indicator (level 1 \"3\")"},
      {"has_row_weights", "every indicator of the report prints its own weight (分值)"},
      {"kind_department", "a department self-evaluation"},
      {"kind_project", "a project self-evaluation"},
      {"kind_evaluation", "an evaluation by a finance department or a third party"},
      {"level_province", "the department is provincial"},
      {"level_city", "the department is a city's"},
      {"level_district", "the department is a district's"},
      {"level_county", "the department is a county's"},
      {"level_township", "the department is a township's or sub-district's (乡镇, 街道)"},
  };
  return *predicates;
}

absl::StatusOr<VariantCondition> ParseVariantCondition(absl::string_view when) {
  VariantCondition condition;
  std::vector<absl::string_view> words =
      absl::StrSplit(when, absl::ByAnyChar(" \t\n"), absl::SkipEmpty());
  if (words.empty()) return absl::InvalidArgumentError("an empty condition");
  std::vector<ConditionTerm> all_of;
  bool expect_term = true;
  bool negated = false;
  for (absl::string_view word : words) {
    if (expect_term) {
      if (word == "not") {
        negated = !negated;
        continue;
      }
      if (word == "and" || word == "or") {
        return absl::InvalidArgumentError(
            absl::StrCat("\"", word, "\" needs a predicate before it"));
      }
      if (!IsKnown(word)) {
        return absl::InvalidArgumentError(
            absl::StrCat("unknown variant condition \"", word, "\"", DidYouMean(word, KnownNames()),
                         " (known: ", KnownVariantConditionList(), ")"));
      }
      all_of.push_back({std::string(word), negated});
      negated = false;
      expect_term = false;
      continue;
    }
    if (word == "and") {
      expect_term = true;
    } else if (word == "or") {
      condition.any_of.push_back(std::move(all_of));
      all_of.clear();
      expect_term = true;
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("expected \"and\" or \"or\" before \"", word, "\""));
    }
  }
  if (expect_term) return absl::InvalidArgumentError("the condition ends without a predicate");
  condition.any_of.push_back(std::move(all_of));
  return condition;
}

std::string KnownVariantConditionList() {
  std::vector<absl::string_view> names;
  for (const VariantPredicate& predicate : KnownVariantPredicates())
    names.push_back(predicate.name);
  return absl::StrJoin(names, ", ");
}

}  // namespace jixiao::scoring
