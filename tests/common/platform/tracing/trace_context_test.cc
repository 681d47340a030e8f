#include "common/platform/tracing/trace_context.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "absl/random/random.h"

namespace jixiao::tracing {
namespace {

constexpr char kExample[] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

TEST(TraceContextTest, ParsesTheSpecificationsExample) {
  std::optional<TraceContext> context = ParseTraceparent(kExample);
  ASSERT_TRUE(context.has_value());
  EXPECT_EQ(context->trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_EQ(context->span_id, "00f067aa0ba902b7");
  EXPECT_EQ(context->flags, "01");
  EXPECT_EQ(FormatTraceparent(*context), kExample);
}

TEST(TraceContextTest, RefusesWhatTheSpecificationCallsInvalid) {
  for (const char* header : {
           "",
           "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",        // no flags
           "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-xx",  // extra in version 00
           "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",     // version ff
           "00-00000000000000000000000000000000-00f067aa0ba902b7-01",     // zero trace id
           "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",     // zero parent id
           "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",     // upper case
           "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",     // not hex
           "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",     // separator
           "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x",    // later version, no '-'
       }) {
    EXPECT_FALSE(ParseTraceparent(header).has_value()) << header;
  }
}

TEST(TraceContextTest, ALaterVersionIsReadForItsFirstFields) {
  std::optional<TraceContext> context =
      ParseTraceparent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future");
  ASSERT_TRUE(context.has_value());
  EXPECT_EQ(context->trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
}

TEST(TraceContextTest, ContinuingKeepsTheTraceWithANewSpan) {
  absl::BitGen random;
  const std::optional<TraceContext> incoming = ParseTraceparent(kExample);
  const TraceContext next = ContinueTrace(incoming, random);
  EXPECT_EQ(next.trace_id, incoming->trace_id);
  EXPECT_EQ(next.flags, "01");
  EXPECT_NE(next.span_id, incoming->span_id);
  EXPECT_TRUE(ParseTraceparent(FormatTraceparent(next)).has_value());
}

TEST(TraceContextTest, WithoutAnIncomingContextATraceStarts) {
  absl::BitGen random;
  const TraceContext first = ContinueTrace(std::nullopt, random);
  const TraceContext second = ContinueTrace(std::nullopt, random);
  EXPECT_TRUE(ParseTraceparent(FormatTraceparent(first)).has_value());
  EXPECT_EQ(first.flags, "00");
  EXPECT_NE(first.trace_id, second.trace_id);
}

}  // namespace
}  // namespace jixiao::tracing
