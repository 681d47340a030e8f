#include "services/query/logic/freshness_merge.h"

#include <gtest/gtest.h>

#include <vector>

namespace jixiao::query {
namespace {

jixiao::v1::Freshness Part(const std::string& report_id, bool from_cache, int64_t age_ms,
                           bool degraded = false) {
  jixiao::v1::Freshness part;
  part.set_from_cache(from_cache);
  part.set_age_ms(age_ms);
  part.set_degraded(degraded);
  jixiao::v1::ReportRef* ref = part.add_reports();
  ref->set_report_id(report_id);
  ref->set_version(1);
  ref->set_content_hash(report_id + "-hash");
  part.mutable_scheme()->set_id("ignored");
  return part;
}

jixiao::v1::SchemeRef Scheme() {
  jixiao::v1::SchemeRef scheme;
  scheme.set_id("guangzhou-department");
  scheme.set_version(1);
  return scheme;
}

TEST(FreshnessMergeTest, AllCachedIsFromCacheWithTheOldestAge) {
  const std::vector<jixiao::v1::Freshness> parts = {Part("a", true, 500), Part("b", true, 9000),
                                                    Part("c", true, 20)};
  const jixiao::v1::Freshness merged = MergeFreshness(parts, Scheme(), false);
  EXPECT_TRUE(merged.from_cache());
  EXPECT_EQ(merged.age_ms(), 9000);
  EXPECT_FALSE(merged.degraded());
  ASSERT_EQ(merged.reports_size(), 3);
  EXPECT_EQ(merged.reports(1).report_id(), "b");
  EXPECT_EQ(merged.reports(1).content_hash(), "b-hash");
  EXPECT_EQ(merged.scheme().id(), "guangzhou-department");
}

TEST(FreshnessMergeTest, OneComputedPartMakesItNotFromCache) {
  const std::vector<jixiao::v1::Freshness> parts = {Part("a", true, 500), Part("b", false, 0)};
  const jixiao::v1::Freshness merged = MergeFreshness(parts, Scheme(), false);
  EXPECT_FALSE(merged.from_cache());
  EXPECT_EQ(merged.age_ms(), 500);
}

TEST(FreshnessMergeTest, DegradedWhenAnyPartOrTheCacheWas) {
  EXPECT_TRUE(
      MergeFreshness({Part("a", true, 1), Part("b", false, 0, true)}, Scheme(), false).degraded());
  EXPECT_TRUE(MergeFreshness({Part("a", false, 0)}, Scheme(), true).degraded());
  EXPECT_FALSE(MergeFreshness({Part("a", false, 0)}, Scheme(), false).degraded());
}

TEST(FreshnessMergeTest, NoPartsIsNotFromCache) {
  const jixiao::v1::Freshness merged = MergeFreshness({}, Scheme(), false);
  EXPECT_FALSE(merged.from_cache());
  EXPECT_EQ(merged.age_ms(), 0);
  EXPECT_EQ(merged.reports_size(), 0);
  EXPECT_EQ(merged.scheme().version(), 1);
}

}  // namespace
}  // namespace jixiao::query
