// Cached scorecards passed through as bytes must answer exactly what parsing
// and re-serializing them would.
#include "services/query/logic/scorecard_wire.h"

#include <gtest/gtest.h>

#include "google/protobuf/util/message_differencer.h"
#include "jixiao/v1/cache.pb.h"

namespace jixiao::query {
namespace {

jixiao::v1::CachedScoreCard Cached() {
  jixiao::v1::CachedScoreCard cached;
  jixiao::v1::ScoreCard& card = *cached.mutable_scorecard();
  card.mutable_report()->set_report_id("440106:ccpit/2023/department");
  card.mutable_report()->set_version(3);
  card.mutable_report()->set_content_hash("abc123");
  card.mutable_scheme()->set_id("guangzhou-department");
  card.mutable_scheme()->set_version(1);
  card.mutable_department()->set_name("广州市天河区贸促会");
  card.set_total(99.98);
  card.set_grade("优");
  jixiao::v1::ScoreGroup& group = *card.add_groups();
  group.set_code("effectiveness");
  group.add_lines()->set_explanation(std::string(300, 'x'));  // a length above one byte's varint
  cached.set_computed_at_unix_ms(1700000000123);
  return cached;
}

TEST(ScoreCardWireTest, ReadsTheEnvelopeAndTheReportRefWithoutParsingTheCard) {
  const jixiao::v1::CachedScoreCard cached = Cached();
  const std::string bytes = cached.SerializeAsString();
  std::optional<CachedCardWire> wire = ReadCachedCardWire(bytes);
  ASSERT_TRUE(wire.has_value());
  EXPECT_EQ(wire->computed_at_unix_ms, 1700000000123);
  EXPECT_EQ(wire->scorecard, cached.scorecard().SerializeAsString());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(wire->report,
                                                                 cached.scorecard().report()));
}

TEST(ScoreCardWireTest, TheResponseBytesParseToTheResponseBuiltFromMessages) {
  const jixiao::v1::CachedScoreCard cached = Cached();
  const std::string bytes = cached.SerializeAsString();
  std::optional<CachedCardWire> wire = ReadCachedCardWire(bytes);
  ASSERT_TRUE(wire.has_value());
  jixiao::v1::Freshness freshness;
  freshness.set_from_cache(true);
  freshness.set_age_ms(42);
  *freshness.add_reports() = wire->report;

  jixiao::v1::GetScoreCardResponse expected;
  *expected.mutable_scorecard() = cached.scorecard();
  *expected.mutable_freshness() = freshness;
  jixiao::v1::GetScoreCardResponse got;
  ASSERT_TRUE(got.ParseFromString(GetScoreCardResponseWire(wire->scorecard, freshness)));
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(got, expected));
  EXPECT_EQ(GetScoreCardResponseWire(wire->scorecard, freshness), expected.SerializeAsString());
}

TEST(ScoreCardWireTest, RefusesWhatIsNotACachedScoreCard) {
  EXPECT_FALSE(ReadCachedCardWire("").has_value());  // no scorecard
  jixiao::v1::CachedScoreCard only_time;
  only_time.set_computed_at_unix_ms(5);
  EXPECT_FALSE(ReadCachedCardWire(only_time.SerializeAsString()).has_value());
  std::string truncated = Cached().SerializeAsString();
  truncated.resize(truncated.size() / 2);
  EXPECT_FALSE(ReadCachedCardWire(truncated).has_value());
  EXPECT_FALSE(ReadCachedCardWire("\xff\xff\xff").has_value());
}

}  // namespace
}  // namespace jixiao::query
