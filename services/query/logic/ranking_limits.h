#pragma once
// How much of a ranking a Ranking request asks for.
#include "absl/status/statusor.h"

namespace jixiao::query {

inline constexpr int kDefaultTopN = 10;
inline constexpr int kMaxTopN = 1000;
inline constexpr int kDefaultAroundK = 5;
inline constexpr int kMaxAroundK = 100;

struct RankingLimits {
  int top_n = kDefaultTopN;
  int around_k = 0;  // 0 when no "around me" was asked for
};

// top_n 0 means kDefaultTopN; around_k 0 means kDefaultAroundK when an
// "around me" department is given. INVALID_ARGUMENT, naming the field, for a
// negative value or one above kMaxTopN / kMaxAroundK.
absl::StatusOr<RankingLimits> ResolveRankingLimits(int top_n, bool around_requested, int around_k);

}  // namespace jixiao::query
