#pragma once

// Call latencies in a fixed amount of memory: a log-linear histogram of
// nanoseconds whose percentiles are within 0.4% of the exact value.
//
// Values below 256 ns have a bucket each. Above, every power of two [2^k, 2^(k+1))
// is cut into 128 equal buckets, so a bucket is at most 1/128 of the values it
// holds wide and its midpoint is within 1/256 (0.4%) of any of them. Values from
// 2^40 ns (about 18 minutes, far beyond any call deadline the load tool allows)
// are counted in the last bucket. Count, minimum and maximum are exact.
//
// Not thread-safe: the load runner records under its own lock.

#include <cstdint>
#include <vector>

namespace jixiao::load {

class LatencyHistogram {
 public:
  LatencyHistogram();

  // Records one latency; negative values count as 0.
  void Record(int64_t nanos);
  // Adds every value `other` recorded.
  void Merge(const LatencyHistogram& other);

  int64_t count() const { return count_; }
  // Exact extremes; 0 when nothing was recorded.
  int64_t min() const { return count_ == 0 ? 0 : min_; }
  int64_t max() const { return max_; }

  // The nearest-rank percentile: the smallest recorded value v such that at
  // least `percent` % of the values are ≤ v, as the midpoint of v's bucket
  // (kept within [min(), max()]). `percent` is in (0, 100]; 100 gives max()
  // exactly. 0 when nothing was recorded.
  int64_t ValueAtPercentile(double percent) const;

  // The bucket index a value falls in and the range [lowest, highest] that
  // bucket holds; public so that tests can check the error bound directly.
  static int BucketIndex(int64_t nanos);
  static int64_t BucketLowest(int index);
  static int64_t BucketHighest(int index);
  static int BucketCount();

 private:
  std::vector<int64_t> buckets_;
  int64_t count_ = 0;
  int64_t min_ = 0;
  int64_t max_ = 0;
};

// The 1-based rank that the nearest-rank method picks among `count` sorted
// values for `percent` (in (0, 100]): ceil(percent / 100 * count), at least 1.
// Computed so that, say, 99.9 % of 1000 is rank 999 and not 1000 through
// floating-point rounding.
int64_t NearestRank(double percent, int64_t count);

}  // namespace jixiao::load
