#include "services/query/logic/ranking_limits.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace jixiao::query {

absl::StatusOr<RankingLimits> ResolveRankingLimits(int top_n, bool around_requested, int around_k) {
  if (top_n < 0 || top_n > kMaxTopN) {
    return absl::InvalidArgumentError(
        absl::StrCat("top_n: must be in 0..", kMaxTopN, " (0: ", kDefaultTopN, "), got ", top_n));
  }
  if (around_k < 0 || around_k > kMaxAroundK) {
    return absl::InvalidArgumentError(absl::StrCat("around_k: must be in 0..", kMaxAroundK,
                                                   " (0: ", kDefaultAroundK, "), got ", around_k));
  }
  RankingLimits limits;
  limits.top_n = top_n == 0 ? kDefaultTopN : top_n;
  limits.around_k = !around_requested ? 0 : around_k == 0 ? kDefaultAroundK : around_k;
  return limits;
}

}  // namespace jixiao::query
