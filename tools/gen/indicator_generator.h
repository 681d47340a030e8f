#pragma once
// Synthetic performance indicators (绩效指标) written the way the seed reports
// print them: counts with a comparator word ("不少于1次", "多于100家"),
// rates ("≥95%"), growth ("增长1%"), satisfaction, and qualitative targets
// ("一是…；二是…。") with a stated completion.
#include "jixiao/v1/indicator.pb.h"
#include "tools/gen/seeded_random.h"

namespace jixiao::gen {

struct IndicatorTraits {
  // 0..1: how well the department tends to meet its targets.
  double delivery = 0.8;
  double over_completion_share = 0.08;
  double missing_actual_share = 0.03;
};

// The index-th indicator of a report of `count` indicators: the first ~55%
// are 产出 (output), the rest 效益 (benefit), the last one 满意度 (satisfaction).
jixiao::v1::Indicator GenerateIndicator(int index, int count, const IndicatorTraits& traits,
                                        SeededRandom& random);

}  // namespace jixiao::gen
