#pragma once

// Indicator rules are set once per scheme and overridden per item: an item's
// IndicatorRules field that is set replaces the scheme's, an unset field
// (UNSPECIFIED enum, empty band list, absent message) inherits it.

#include "absl/status/statusor.h"
#include "jixiao/v1/scheme.pb.h"

namespace jixiao::scoring {

v1::IndicatorRules MergeIndicatorRules(const v1::IndicatorRules& scheme_rules,
                                       const v1::IndicatorRules& item_rules);

// The rules an item scores with: merged, with `completion` (and `satisfaction`,
// where the rules have satisfaction bands or a curve) resolved into points
// (curves.h), whether they were written as curves or with the older enums and
// bands. The engine reads curves from these only. InvalidArgument with the
// curve's reason when a curve does not resolve.
absl::StatusOr<v1::IndicatorRules> ResolveIndicatorRules(const v1::IndicatorRules& scheme_rules,
                                                         const v1::IndicatorRules& item_rules);

// An execution item's curve: `rate`, else the older enum with its steps.
absl::StatusOr<v1::Curve> ResolveExecutionCurve(const v1::ExecutionRule& rule);

}  // namespace jixiao::scoring
