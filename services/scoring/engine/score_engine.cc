#include "services/scoring/engine/score_engine.h"

#include "services/scoring/engine/explanation/scorecard_explanation.h"
#include "services/scoring/engine/score_computation.h"

namespace jixiao::scoring {

absl::StatusOr<v1::ScoreCard> ScoreReport(const v1::EvaluationReport& report,
                                          const PreparedScheme& scheme) {
  absl::StatusOr<ScoreComputation> computation = ComputeScores(report, scheme);
  if (!computation.ok()) return computation.status();
  v1::ScoreCard card;
  ExplainScores(*computation, card);
  return card;
}

absl::StatusOr<v1::ScoreCard*> ScoreReport(const v1::EvaluationReport& report,
                                           const PreparedScheme& scheme,
                                           google::protobuf::Arena& arena) {
  absl::StatusOr<ScoreComputation> computation = ComputeScores(report, scheme);
  if (!computation.ok()) return computation.status();
  v1::ScoreCard* card = google::protobuf::Arena::CreateMessage<v1::ScoreCard>(&arena);
  ExplainScores(*computation, *card);
  return card;
}

}  // namespace jixiao::scoring
