// The scoring rules alone (ComputeScores) and the explained card (ScoreReport):
// the card adds text to the computation's figures, never a figure of its own.

#include "services/scoring/engine/score_computation.h"

#include <string>

#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "services/scoring/engine/score_engine.h"
#include "tests/services/scoring/engine/scoring_test_support.h"
#include "tests/services/scoring/engine/synthesized_report.h"
#include "tests/support/status_macros.h"

namespace jixiao::scoring {
namespace {

void ExpectCardHoldsTheComputedFigures(const v1::EvaluationReport& report,
                                       const PreparedScheme& scheme) {
  ASSERT_OK_AND_ASSIGN(ScoreComputation computation, ComputeScores(report, scheme));
  ASSERT_OK_AND_ASSIGN(v1::ScoreCard card, ScoreReport(report, scheme));

  EXPECT_EQ(card.total(), computation.total);
  EXPECT_EQ(card.max(), computation.max);
  EXPECT_EQ(card.complete(), computation.complete);
  EXPECT_EQ(card.grade(), computation.grade == nullptr ? "" : computation.grade->grade());
  EXPECT_EQ(card.recomputed_share(), computation.recomputed_share);
  EXPECT_EQ(card.has_declared_total(), computation.declared_total.has_value());
  EXPECT_EQ(card.variant(), computation.effective->variant == nullptr
                                ? ""
                                : computation.effective->variant->code());
  EXPECT_TRUE(
      google::protobuf::util::MessageDifferencer::Equals(card.signals(), computation.signals));
  ASSERT_EQ(card.groups_size(), static_cast<int>(computation.groups.size()));
  for (int g = 0; g < card.groups_size(); ++g) {
    const v1::ScoreGroup& group = card.groups(g);
    const GroupScore& computed = computation.groups[g];
    EXPECT_EQ(group.points(), computed.points) << group.code();
    if (computed.subtotal_stands_in) {
      ASSERT_EQ(group.lines_size(), 1);
      EXPECT_EQ(group.lines(0).points(), computed.subtotal_points);
      continue;
    }
    ASSERT_EQ(group.lines_size(), static_cast<int>(computed.items.size()));
    for (int i = 0; i < group.lines_size(); ++i) {
      const v1::ScoreLine& line = group.lines(i);
      const ItemScore& item = computed.items[i];
      EXPECT_EQ(line.item_code(), item.item->code());
      EXPECT_EQ(line.points(), item.points) << line.item_code();
      EXPECT_EQ(line.provenance(), item.provenance) << line.item_code();
      EXPECT_EQ(line.reason_code(), item.reason) << line.item_code();
      if (item.basis != ItemBasis::kIndicators) continue;
      ASSERT_EQ(line.sub_lines_size(), static_cast<int>(item.indicators.size()));
      for (int s = 0; s < line.sub_lines_size(); ++s) {
        EXPECT_EQ(line.sub_lines(s).points(), item.indicators[s].points);
        EXPECT_EQ(line.sub_lines(s).max(), item.indicators[s].weight);
        EXPECT_EQ(line.sub_lines(s).reason_code(), item.indicators[s].verdict.reason.code);
      }
    }
  }
}

TEST(ScoreComputation, TheExplainedCardHoldsTheComputedFigures) {
  const PreparedScheme guangzhou = testing::ShippedPreparedScheme("guangzhou-department");
  for (const char* seed :
       {"guangzhou-commerce-bureau-2023", "liwan-commerce-investment-bureau-2022",
        "tianhe-ccpit-2023", "tianhe-commerce-finance-bureau-2023"}) {
    SCOPED_TRACE(seed);
    ExpectCardHoldsTheComputedFigures(testing::SeedReport(seed), guangzhou);
  }
  for (bool pre_parsed : {false, true}) {
    SCOPED_TRACE(pre_parsed ? "pre-parsed" : "text");
    ExpectCardHoldsTheComputedFigures(testing::SynthesizedReport(30, pre_parsed), guangzhou);
  }
}

TEST(ScoreComputation, ACardOnAnArenaIsTheSameCard) {
  const PreparedScheme guangzhou = testing::ShippedPreparedScheme("guangzhou-department");
  for (const char* seed :
       {"guangzhou-commerce-bureau-2023", "tianhe-commerce-finance-bureau-2023"}) {
    const v1::EvaluationReport report = testing::SeedReport(seed);
    google::protobuf::Arena arena;
    ASSERT_OK_AND_ASSIGN(v1::ScoreCard * on_arena, ScoreReport(report, guangzhou, arena));
    EXPECT_EQ(on_arena->GetArena(), &arena);
    ASSERT_OK_AND_ASSIGN(v1::ScoreCard on_heap, ScoreReport(report, guangzhou));
    EXPECT_EQ(on_arena->SerializeAsString(), on_heap.SerializeAsString()) << seed;
  }
}

TEST(ScoreComputation, AReportOfAnotherKindIsRefused) {
  v1::EvaluationReport report = testing::SynthesizedReport(3, /*pre_parsed=*/true);
  report.set_kind(v1::REPORT_KIND_PROJECT_SELF_EVALUATION);
  const absl::StatusOr<ScoreComputation> computation =
      ComputeScores(report, testing::ShippedPreparedScheme("guangzhou-department"));
  EXPECT_EQ(computation.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(ScoreComputation, ValuesParsedWhileScoringOutliveTheCall) {
  // The text is parsed into the computation's own store: the explanation,
  // built later, still reads the parsed values.
  const PreparedScheme guangzhou = testing::ShippedPreparedScheme("guangzhou-department");
  const v1::EvaluationReport report = testing::SynthesizedReport(30, /*pre_parsed=*/false);
  ASSERT_OK_AND_ASSIGN(ScoreComputation computation, ComputeScores(report, guangzhou));
  EXPECT_EQ(computation.parsed_values.size(), 60u);  // a target and an actual each
  EXPECT_TRUE(
      ComputeScores(testing::SynthesizedReport(30, true), guangzhou)->parsed_values.empty());
}

}  // namespace
}  // namespace jixiao::scoring
