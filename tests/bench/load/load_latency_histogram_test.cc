#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "bench/load/latency_histogram.h"
#include "gtest/gtest.h"

namespace jixiao::load {
namespace {

// The nearest-rank percentile computed the slow, obvious way, with the
// percentile in tenths of a percent so that the rank is exact integer
// arithmetic: the value at 1-based rank ceil(tenths / 1000 * n).
int64_t ExactPercentile(std::vector<int64_t> values, int64_t tenths_of_percent) {
  std::sort(values.begin(), values.end());
  const auto n = static_cast<int64_t>(values.size());
  const int64_t rank = std::max<int64_t>(1, (tenths_of_percent * n + 999) / 1000);
  return values[static_cast<size_t>(rank - 1)];
}

TEST(LatencyHistogramTest, EmptyHistogramReportsZero) {
  LatencyHistogram histogram;
  EXPECT_EQ(histogram.count(), 0);
  EXPECT_EQ(histogram.min(), 0);
  EXPECT_EQ(histogram.max(), 0);
  EXPECT_EQ(histogram.ValueAtPercentile(50), 0);
  EXPECT_EQ(histogram.ValueAtPercentile(100), 0);
}

TEST(LatencyHistogramTest, SmallValuesAreExact) {
  LatencyHistogram histogram;
  std::vector<int64_t> values;
  for (int64_t v = 1; v <= 200; ++v) {
    histogram.Record(v);
    values.push_back(v);
  }
  for (int64_t tenths : {500, 900, 990, 999, 1000}) {
    EXPECT_EQ(histogram.ValueAtPercentile(static_cast<double>(tenths) / 10),
              ExactPercentile(values, tenths))
        << tenths;
  }
  EXPECT_EQ(histogram.ValueAtPercentile(50), 100);
  EXPECT_EQ(histogram.ValueAtPercentile(99.9), 200);  // rank ceil(199.8) = 200
  EXPECT_EQ(histogram.min(), 1);
  EXPECT_EQ(histogram.max(), 200);
}

TEST(LatencyHistogramTest, BucketsTileTheRangeAndAreNarrow) {
  for (int index = 0; index + 1 < LatencyHistogram::BucketCount(); ++index) {
    const int64_t lowest = LatencyHistogram::BucketLowest(index);
    const int64_t highest = LatencyHistogram::BucketHighest(index);
    ASSERT_LE(lowest, highest) << index;
    ASSERT_EQ(highest + 1, LatencyHistogram::BucketLowest(index + 1)) << index;
    ASSERT_EQ(LatencyHistogram::BucketIndex(lowest), index);
    ASSERT_EQ(LatencyHistogram::BucketIndex(highest), index);
    const int64_t width = highest - lowest + 1;
    if (lowest < 256) {
      ASSERT_EQ(width, 1) << index;  // one bucket per value
    } else {
      // At most 1/128 of the smallest value held: the midpoint is within 0.4%
      // of every value in the bucket.
      ASSERT_LE(width * 128, lowest) << index;
    }
  }
}

TEST(LatencyHistogramTest, PercentilesOfSpreadValuesAreWithinOnePercent) {
  // Latencies from 20 µs to about a second, log-normally spread, as calls are.
  std::mt19937_64 random(20240601);
  std::lognormal_distribution<double> latency_ns(std::log(400e3), 1.5);
  LatencyHistogram histogram;
  std::vector<int64_t> values;
  for (int i = 0; i < 20000; ++i) {
    const auto value = static_cast<int64_t>(std::clamp(latency_ns(random), 20e3, 1e9));
    histogram.Record(value);
    values.push_back(value);
  }
  for (int64_t tenths : {500, 900, 990, 999}) {
    const auto exact = static_cast<double>(ExactPercentile(values, tenths));
    const auto measured =
        static_cast<double>(histogram.ValueAtPercentile(static_cast<double>(tenths) / 10));
    EXPECT_LE(std::abs(measured - exact), 0.01 * exact)
        << "p" << tenths / 10.0 << ": " << measured << " vs " << exact;
  }
  EXPECT_EQ(histogram.max(), *std::max_element(values.begin(), values.end()));
  EXPECT_EQ(histogram.min(), *std::min_element(values.begin(), values.end()));
  EXPECT_EQ(histogram.ValueAtPercentile(100), histogram.max());
  EXPECT_EQ(histogram.count(), 20000);
}

TEST(LatencyHistogramTest, ValuesBeyondTheRangeKeepAnExactMaximum) {
  LatencyHistogram histogram;
  const int64_t huge = int64_t{1} << 50;
  histogram.Record(huge);
  histogram.Record(-5);  // counted as 0
  EXPECT_EQ(histogram.count(), 2);
  EXPECT_EQ(histogram.min(), 0);
  EXPECT_EQ(histogram.max(), huge);
  EXPECT_EQ(histogram.ValueAtPercentile(50), 0);
  EXPECT_EQ(histogram.ValueAtPercentile(100), huge);
}

TEST(LatencyHistogramTest, MergeEqualsRecordingEverything) {
  LatencyHistogram first;
  LatencyHistogram second;
  LatencyHistogram both;
  for (int64_t v = 1000; v < 500000; v += 997) {
    (v % 3 == 0 ? first : second).Record(v);
    both.Record(v);
  }
  first.Merge(second);
  EXPECT_EQ(first.count(), both.count());
  EXPECT_EQ(first.min(), both.min());
  EXPECT_EQ(first.max(), both.max());
  for (double percent : {50.0, 90.0, 99.0, 99.9}) {
    EXPECT_EQ(first.ValueAtPercentile(percent), both.ValueAtPercentile(percent)) << percent;
  }
}

TEST(NearestRankTest, RanksAreExactForRoundPercentages) {
  EXPECT_EQ(NearestRank(50, 1000), 500);
  EXPECT_EQ(NearestRank(90, 1000), 900);
  EXPECT_EQ(NearestRank(99, 1000), 990);
  EXPECT_EQ(NearestRank(99.9, 1000), 999);
  EXPECT_EQ(NearestRank(99.9, 10), 10);
  EXPECT_EQ(NearestRank(50, 1), 1);
  EXPECT_EQ(NearestRank(0.001, 10), 1);
  EXPECT_EQ(NearestRank(100, 7), 7);
}

}  // namespace
}  // namespace jixiao::load
