#include "services/scoring/engine/grading.h"

namespace jixiao::scoring {

const v1::GradeBand* GradeFor(const v1::Scheme& scheme, double total) {
  const v1::GradeBand* best = nullptr;
  for (const v1::GradeBand& band : scheme.grade_bands()) {
    if (total >= band.min_score() && (best == nullptr || band.min_score() > best->min_score())) {
      best = &band;
    }
  }
  return best;
}

}  // namespace jixiao::scoring
