#pragma once

// A scheme group → its items scored by their sources, the lines summed, and
// what could not be scored named.

#include <optional>
#include <vector>

#include "jixiao/v1/scheme.pb.h"
#include "services/scoring/engine/items/item_score.h"

namespace jixiao::scoring {

// Reason codes (REASON_CODES.md) of an item the report has nothing for.
namespace reason {
inline constexpr absl::string_view kAbsentMoved = "ABSENT_MOVED";
inline constexpr absl::string_view kAbsentRescaled = "ABSENT_RESCALED";
inline constexpr absl::string_view kAbsentZeroed = "ABSENT_ZEROED";
}  // namespace reason

struct GroupScore {
  const v1::SchemeGroup* group = nullptr;
  // The report's declared subtotal for the group.
  std::optional<double> declared_points;
  std::vector<ItemScore> items;
  // Every item is missing but the report declares the group's subtotal: one
  // declared line for the group (of `subtotal_points`) stands in for the items.
  bool subtotal_stands_in = false;
  double subtotal_points = 0;
  // Every item is missing and no subtotal is declared: the group as a whole is
  // what the scorecard misses (else each missing item is).
  bool all_missing = false;
  double points = 0;
  // The group's points in this report: its items' (ScoringContext::MaxOf), which
  // differ from the scheme's only when an absent item's points moved.
  double max = 0;
};

// The items of the effective groups the report has nothing for and whose
// scheme settles their absence (AbsentPolicy other than INCOMPLETE), with the
// maxima that follow: a moved item's points go to its target, a rescaled item's
// are shared among the rest of its group in proportion to their maxima, in whole
// rounding units by largest remainder, so that the total stays the scheme's.
void SettleAbsentItems(const ScoringContext& context,
                       const std::vector<const v1::SchemeGroup*>& groups, ItemMaxima& maxima);

// One item, by its source.
ItemScore ScoreItem(const ScoringContext& context, const v1::SchemeItem& item);

GroupScore ScoreSchemeGroup(const ScoringContext& context, const v1::SchemeGroup& group);

}  // namespace jixiao::scoring
