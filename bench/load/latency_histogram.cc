#include "bench/load/latency_histogram.h"

#include <algorithm>
#include <cmath>

namespace jixiao::load {
namespace {

// 2^7 = 128 buckets per power of two; values below 2^8 are exact.
constexpr int kSubBucketBits = 7;
constexpr int64_t kSubBucketCount = int64_t{1} << kSubBucketBits;
constexpr int64_t kExactLimit = kSubBucketCount * 2;  // 256
// Values from 2^kRangeBits on share the last bucket.
constexpr int kRangeBits = 40;
constexpr int64_t kLargestTracked = (int64_t{1} << kRangeBits) - 1;
constexpr int kBucketCount =
    static_cast<int>(kExactLimit + (kRangeBits - kSubBucketBits - 1) * kSubBucketCount);

// Position of the highest set bit; `value` > 0.
int TopBit(int64_t value) { return 63 - __builtin_clzll(static_cast<unsigned long long>(value)); }

}  // namespace

LatencyHistogram::LatencyHistogram() : buckets_(kBucketCount, 0) {}

int LatencyHistogram::BucketCount() { return kBucketCount; }

int LatencyHistogram::BucketIndex(int64_t nanos) {
  const int64_t value = std::clamp<int64_t>(nanos, 0, kLargestTracked);
  if (value < kExactLimit) return static_cast<int>(value);
  // shift ≥ 1; value >> shift is in [128, 255].
  const int shift = TopBit(value) - kSubBucketBits;
  const int64_t sub_bucket = (value >> shift) - kSubBucketCount;
  return static_cast<int>(kExactLimit + (shift - 1) * kSubBucketCount + sub_bucket);
}

int64_t LatencyHistogram::BucketLowest(int index) {
  if (index < kExactLimit) return index;
  const int64_t past_exact = index - kExactLimit;
  const int shift = static_cast<int>(past_exact / kSubBucketCount) + 1;
  const int64_t sub_bucket = past_exact % kSubBucketCount;
  return (kSubBucketCount + sub_bucket) << shift;
}

int64_t LatencyHistogram::BucketHighest(int index) {
  if (index < kExactLimit) return index;
  const int shift = static_cast<int>((index - kExactLimit) / kSubBucketCount) + 1;
  return BucketLowest(index) + (int64_t{1} << shift) - 1;
}

void LatencyHistogram::Record(int64_t nanos) {
  const int64_t value = std::max<int64_t>(nanos, 0);
  ++buckets_[BucketIndex(value)];
  min_ = count_ == 0 ? value : std::min(min_, value);
  max_ = std::max(max_, value);
  ++count_;
}

void LatencyHistogram::Merge(const LatencyHistogram& other) {
  if (other.count_ == 0) return;
  for (size_t i = 0; i < buckets_.size(); ++i) buckets_[i] += other.buckets_[i];
  min_ = count_ == 0 ? other.min_ : std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
  count_ += other.count_;
}

int64_t LatencyHistogram::ValueAtPercentile(double percent) const {
  if (count_ == 0) return 0;
  if (percent >= 100.0) return max_;
  const int64_t rank = NearestRank(percent, count_);
  int64_t seen = 0;
  for (int index = 0; index < kBucketCount; ++index) {
    seen += buckets_[index];
    if (seen >= rank) {
      const int64_t lowest = BucketLowest(index);
      const int64_t midpoint = lowest + (BucketHighest(index) - lowest) / 2;
      return std::clamp(midpoint, min(), max_);
    }
  }
  return max_;  // unreachable: the buckets hold count_ values
}

int64_t NearestRank(double percent, int64_t count) {
  // The small allowance absorbs the rounding of percent / 100 * count (99.9 %
  // of 1000 computes as 999.0000000000001); ranks are whole numbers, so no
  // true rank is lost by it.
  const double exact = percent / 100.0 * static_cast<double>(count);
  const auto rank = static_cast<int64_t>(std::ceil(exact - 1e-9));
  return std::clamp<int64_t>(rank, 1, count);
}

}  // namespace jixiao::load
