// Scoring one department report of 30 and of 300 indicators under the
// guangzhou-department scheme. Reports are synthesized here: a mix of counts,
// percentages, growth rates, qualitative indicators and satisfaction, with
// completions from 0% to several times the target, as in the seed reports.
//
//   scoring_engine_bench                      values parsed by the engine (as submitted)
//   scoring_engine_bench --benchmark_filter=PreParsed   values parsed on ingest

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "common/target_value/target_value_parser.h"
#include "services/scoring/engine/score_engine.h"
#include "services/scoring/scheme/scheme_loader.h"

namespace jixiao::scoring {
namespace {

const v1::Scheme& GuangzhouScheme() {
  static const v1::Scheme* const scheme = [] {
    absl::StatusOr<SchemeDirectory> dir = LoadSchemeDirectory(JIXIAO_SCHEMES_DIR);
    const v1::Scheme* found = dir.ok() ? dir->schemes.Find("guangzhou-department", 0) : nullptr;
    if (found == nullptr) {
      std::fprintf(stderr, "cannot load guangzhou-department from %s\n", JIXIAO_SCHEMES_DIR);
      std::abort();
    }
    return new v1::Scheme(*found);
  }();
  return *scheme;
}

void SetValues(v1::Indicator& indicator, int i, std::mt19937& rng) {
  std::uniform_int_distribution<int> target(1, 500);
  std::uniform_int_distribution<int> percent(0, 400);  // completion, in percent
  const int t = target(rng);
  const int a = t * percent(rng) / 100;
  switch (i % 10) {
    case 0:
    case 1:
    case 2:
    case 3:
    case 4:
    case 5:
      indicator.mutable_target()->set_text(absl::StrCat("≥", t, "家"));
      indicator.mutable_actual()->set_text(absl::StrCat(a, "家"));
      break;
    case 6:
      indicator.mutable_target()->set_text("100%");
      indicator.mutable_actual()->set_text(absl::StrCat(percent(rng) / 4, "%"));
      break;
    case 7:
      indicator.mutable_target()->set_text(absl::StrCat("增长", 1 + t % 9, "%"));
      indicator.mutable_actual()->set_text(absl::StrCat("增长 ", a % 30, ".5%"));
      break;
    case 8:
      indicator.mutable_target()->set_text("一是做好服务工作；二是坚持走访调研企业制度。");
      indicator.mutable_actual()->set_text("一是服务工作扎实开展；二是全年走访企业。");
      indicator.set_stated_completion_percent(i % 3 == 0 ? "80" : "100");
      break;
    default:
      indicator.set_level1_code("3");
      indicator.mutable_target()->set_text("≥90%");
      indicator.mutable_actual()->set_text(absl::StrCat(70 + a % 30, "%"));
      break;
  }
}

v1::EvaluationReport SynthesizedReport(int indicators, bool pre_parsed) {
  std::mt19937 rng(42);
  v1::EvaluationReport report;
  report.set_report_id("440106:bench/2023/department");
  report.set_kind(v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION);
  report.mutable_budget()->mutable_adjusted()->set_fen(2882537000000);
  report.mutable_budget()->mutable_final()->set_fen(2840448000000);
  v1::SpecialFund* fund = report.mutable_budget()->add_special_funds();
  fund->mutable_budget()->set_fen(2119850000000);
  fund->mutable_spent()->set_fen(2108404000000);
  fund->set_all_indicators_met(true);
  for (int i = 0; i < indicators; ++i) {
    v1::Indicator* indicator = report.add_indicators();
    indicator->set_id(absl::StrCat(i + 1));
    indicator->set_name(absl::StrCat("指标", i + 1));
    indicator->set_level1_code(i % 2 == 0 ? "1" : "2");
    indicator->set_declared_score(1);
    SetValues(*indicator, i, rng);
    if (pre_parsed) {
      *indicator->mutable_target()->mutable_parsed() =
          target_value::ParseValue(indicator->target().text());
      *indicator->mutable_actual()->mutable_parsed() =
          target_value::ParseValue(indicator->actual().text());
    }
  }
  for (const char* code : {"management.budgeting", "management.execution", "management.disclosure",
                           "management.performance", "management.procurement", "management.assets",
                           "management.running_cost"}) {
    v1::AssessedItem* item = report.add_management_items();
    item->set_code(code);
    item->set_declared_score(1);
  }
  return report;
}

void Run(benchmark::State& state, bool pre_parsed) {
  const v1::Scheme& scheme = GuangzhouScheme();
  const v1::EvaluationReport report =
      SynthesizedReport(static_cast<int>(state.range(0)), pre_parsed);
  for (auto _ : state) {
    absl::StatusOr<v1::ScoreCard> card = ScoreReport(report, scheme);
    if (!card.ok()) {
      state.SkipWithError(std::string(card.status().message()).c_str());
      return;
    }
    benchmark::DoNotOptimize(card->total());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));  // indicators per second
}

void BM_ScoreReport(benchmark::State& state) { Run(state, /*pre_parsed=*/false); }
void BM_ScoreReportPreParsed(benchmark::State& state) { Run(state, /*pre_parsed=*/true); }

BENCHMARK(BM_ScoreReport)->Arg(30)->Arg(300)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ScoreReportPreParsed)->Arg(30)->Arg(300)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace jixiao::scoring

BENCHMARK_MAIN();
