#pragma once

// The groups a scheme scores with, once a variant is applied. A variant lists
// only the groups it changes: a variant group replaces the base group with the
// same code, and a variant group with a new code is added after the base groups.
// The Guangzhou scheme's `no_special_funds` variant thus redefines 履职效能 and
// keeps the base 管理效率.

#include <vector>

#include "jixiao/v1/scheme.pb.h"

namespace jixiao::scoring {

// Pointers into `scheme`; `variant` may be null (the base groups).
std::vector<const v1::SchemeGroup*> EffectiveGroups(const v1::Scheme& scheme,
                                                    const v1::SchemeVariant* variant);

// The sum of the groups' maxima: the scheme's total (100 for every known scheme).
double GroupsTotal(const std::vector<const v1::SchemeGroup*>& groups);

}  // namespace jixiao::scoring
