#include "services/scoring/engine/recomputed_share.h"

namespace jixiao::scoring {
namespace {

double RecomputedMax(const v1::ScoreLine& line) {
  if (line.sub_lines().empty()) {
    return line.provenance() == v1::PROVENANCE_RECOMPUTED ? line.max() : 0;
  }
  double max = 0;
  for (const v1::ScoreLine& sub : line.sub_lines()) max += RecomputedMax(sub);
  return max;
}

}  // namespace

double RecomputedShare(const v1::ScoreCard& card) {
  if (card.max() <= 0) return 0;
  double recomputed = 0;
  for (const v1::ScoreGroup& group : card.groups()) {
    for (const v1::ScoreLine& line : group.lines()) recomputed += RecomputedMax(line);
  }
  return recomputed / card.max();
}

}  // namespace jixiao::scoring
