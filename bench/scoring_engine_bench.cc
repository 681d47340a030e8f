// Scoring one department report of 30 and of 300 indicators under the
// guangzhou-department scheme (tests/services/scoring/engine/synthesized_report.h: a mix of
// counts, percentages, growth rates, qualitative indicators and satisfaction,
// with completions from 0% to several times the target, as in the seed reports).
//
//   BM_ScoreReportPreParsed     the production path: values parsed on ingest, as
//                               stored; the explained ScoreCard
//   BM_ScoreReport              values parsed by the engine while scoring (a
//                               report scored as submitted); the explained ScoreCard
//   BM_ComputeScoresPreParsed   the scoring rules alone (score_computation.h):
//                               every figure of the card, none of its text
//
// Each iteration includes destroying its result, as a caller would.

#include <cstdio>
#include <cstdlib>
#include <string>

#include "benchmark/benchmark.h"
#include "services/scoring/engine/score_computation.h"
#include "services/scoring/engine/score_engine.h"
#include "services/scoring/scheme/scheme_loader.h"
#include "tests/services/scoring/engine/synthesized_report.h"

namespace jixiao::scoring {
namespace {

const PreparedScheme& GuangzhouScheme() {
  static const PreparedScheme* const scheme = [] {
    absl::StatusOr<SchemeDirectory> dir = LoadSchemeDirectory(JIXIAO_SCHEMES_DIR);
    const PreparedScheme* found =
        dir.ok() ? dir->schemes.FindPrepared("guangzhou-department", 0) : nullptr;
    if (found == nullptr) {
      std::fprintf(stderr, "cannot load guangzhou-department from %s\n", JIXIAO_SCHEMES_DIR);
      std::abort();
    }
    return new PreparedScheme(*found);
  }();
  return *scheme;
}

void ScoreExplained(benchmark::State& state, bool pre_parsed) {
  const PreparedScheme& scheme = GuangzhouScheme();
  const v1::EvaluationReport report =
      testing::SynthesizedReport(static_cast<int>(state.range(0)), pre_parsed);
  for (auto _ : state) {
    absl::StatusOr<v1::ScoreCard> card = ScoreReport(report, scheme);
    if (!card.ok()) {
      state.SkipWithError(std::string(card.status().message()).c_str());
      return;
    }
    benchmark::DoNotOptimize(card->total());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));  // indicators per second
  state.SetLabel(pre_parsed ? "explained card, values parsed at ingest"
                            : "explained card, values parsed while scoring");
}

void BM_ScoreReport(benchmark::State& state) { ScoreExplained(state, /*pre_parsed=*/false); }
void BM_ScoreReportPreParsed(benchmark::State& state) {
  ScoreExplained(state, /*pre_parsed=*/true);
}

// The production path with the card on a per-call arena, as a server that
// allocates each request's messages on an arena would call the engine.
void BM_ScoreReportPreParsedOnArena(benchmark::State& state) {
  const PreparedScheme& scheme = GuangzhouScheme();
  const v1::EvaluationReport report =
      testing::SynthesizedReport(static_cast<int>(state.range(0)), /*pre_parsed=*/true);
  for (auto _ : state) {
    google::protobuf::Arena arena;
    absl::StatusOr<v1::ScoreCard*> card = ScoreReport(report, scheme, arena);
    if (!card.ok()) {
      state.SkipWithError(std::string(card.status().message()).c_str());
      return;
    }
    benchmark::DoNotOptimize((*card)->total());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetLabel("explained card on an arena, values parsed at ingest");
}

void BM_ComputeScoresPreParsed(benchmark::State& state) {
  const PreparedScheme& scheme = GuangzhouScheme();
  const v1::EvaluationReport report =
      testing::SynthesizedReport(static_cast<int>(state.range(0)), /*pre_parsed=*/true);
  for (auto _ : state) {
    absl::StatusOr<ScoreComputation> computation = ComputeScores(report, scheme);
    if (!computation.ok()) {
      state.SkipWithError(std::string(computation.status().message()).c_str());
      return;
    }
    benchmark::DoNotOptimize(computation->total);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetLabel("figures only, values parsed at ingest");
}

BENCHMARK(BM_ScoreReport)->Arg(30)->Arg(300)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ScoreReportPreParsed)->Arg(30)->Arg(300)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ScoreReportPreParsedOnArena)->Arg(30)->Arg(300)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ComputeScoresPreParsed)->Arg(30)->Arg(300)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace jixiao::scoring

BENCHMARK_MAIN();
