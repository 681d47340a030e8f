#pragma once

#include "jixiao/v1/scheme.pb.h"

namespace jixiao::scoring {

// The band with the highest min_score that `total` reaches; null when none does
// (validated schemes always have a band at 0).
const v1::GradeBand* GradeFor(const v1::Scheme& scheme, double total);

}  // namespace jixiao::scoring
