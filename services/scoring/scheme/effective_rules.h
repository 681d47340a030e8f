#pragma once

// Indicator rules are set once per scheme and overridden per item: an item's
// IndicatorRules field that is set replaces the scheme's, an unset field
// (UNSPECIFIED enum, empty band list, absent message) inherits it.

#include "jixiao/v1/scheme.pb.h"

namespace jixiao::scoring {

v1::IndicatorRules MergeIndicatorRules(const v1::IndicatorRules& scheme_rules,
                                       const v1::IndicatorRules& item_rules);

}  // namespace jixiao::scoring
