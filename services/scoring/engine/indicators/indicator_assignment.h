#pragma once

// Which item of the scheme scores each of the report's indicators. An item
// takes the indicators its selectors match (scheme/indicator_selection_rules.h);
// two items of one variant never select the same class, name, id or tag (the
// scheme is refused at load), and an indicator that two items' selectors still
// both match (a tag in one item, its class in another) goes to the item whose
// matching selector is the most specific, the earlier item among equals. So
// every indicator counts once at most.

#include <vector>

#include "absl/container/flat_hash_map.h"
#include "jixiao/v1/scheme.pb.h"
#include "services/scoring/engine/indicators/indicator_selection.h"
#include "services/scoring/scheme/prepared_scheme.h"

namespace jixiao::scoring {

class IndicatorAssignment {
 public:
  // `indicators` (the report's, from ReportIndex) must outlive the assignment.
  IndicatorAssignment(const std::vector<SelectedIndicator>& indicators,
                      const EffectiveScheme& effective, const PreparedScheme& scheme);

  // The indicators `item` scores, in report order.
  const std::vector<const SelectedIndicator*>& For(const v1::SchemeItem& item) const;

  // The item an indicator of the report went to; null when none selects it.
  const v1::SchemeItem* ItemOf(const v1::Indicator& indicator) const;

 private:
  absl::flat_hash_map<const v1::SchemeItem*, std::vector<const SelectedIndicator*>> by_item_;
  absl::flat_hash_map<const v1::Indicator*, const v1::SchemeItem*> item_of_;
  std::vector<const SelectedIndicator*> none_;
};

}  // namespace jixiao::scoring
