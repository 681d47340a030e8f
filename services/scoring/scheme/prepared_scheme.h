#pragma once

// A scheme ready to score with: validated once, when it is prepared, and holding
// what every scoring call would otherwise derive again from the rules (the groups
// of each variant, each indicator item's rules merged with the scheme's). The
// engine takes only prepared schemes: it cannot be handed an invalid one, and it
// never validates per call.
//
// Immutable once prepared; copies share one prepared state, so a copy is cheap
// and may be used from any thread.

#include <memory>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "jixiao/v1/scheme.pb.h"
#include "services/scoring/scheme/indicator_selection_rules.h"
#include "services/scoring/scheme/variant_conditions.h"

namespace jixiao::scoring {

// The scheme as one variant (or the base) scores: pointers into the scheme.
struct EffectiveScheme {
  const v1::SchemeVariant* variant = nullptr;  // null: the base groups
  std::vector<const v1::SchemeGroup*> groups;
  // Codes of the items scored from indicators (ITEM_SOURCE_INDICATORS), in order.
  std::vector<absl::string_view> indicator_item_codes;
  // Every item scored from indicators, sub-items included, in scheme order: the
  // items a report's indicators are shared among.
  std::vector<const v1::SchemeItem*> indicator_items;
};

class PreparedScheme {
 public:
  // InvalidArgument "scheme <id> v<version> is not valid: <first issue>" when
  // ValidateScheme finds any issue.
  static absl::StatusOr<PreparedScheme> Prepare(v1::Scheme scheme);

  const v1::Scheme& scheme() const;

  // The base groups (null) or those of one of scheme().variants().
  const EffectiveScheme& Effective(const v1::SchemeVariant* variant) const;

  // The rules an item of scheme() scores its indicators with: the scheme's rules,
  // overridden by the item's, their curves resolved (see effective_rules.h).
  const v1::IndicatorRules& IndicatorRulesFor(const v1::SchemeItem& item) const;

  // The resolved curve of an execution item of scheme().
  const v1::Curve& ExecutionCurveFor(const v1::SchemeItem& item) const;

  // The compiled selectors of an indicator item of scheme() (empty for others).
  const IndicatorSelection& SelectionFor(const v1::SchemeItem& item) const;

  // The compiled condition of one of scheme().variants().
  const VariantCondition& ConditionOf(const v1::SchemeVariant& variant) const;

  // Every item and sub-item code of the scheme (in the base and the variants),
  // numbered from 0, so that what a report says about each code can be looked
  // up by number: item_code_count() numbers, one per distinct code.
  int item_code_count() const;
  // The number of the code of `item`, an item or sub-item of scheme().
  int ItemCodeNumber(const v1::SchemeItem& item) const;
  // The number of `code`; -1 when no item of the scheme has it.
  int ItemCodeNumber(absl::string_view code) const;

 private:
  struct State;
  explicit PreparedScheme(std::shared_ptr<const State> state);

  std::shared_ptr<const State> state_;
};

}  // namespace jixiao::scoring
