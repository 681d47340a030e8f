#pragma once

// The department report the scoring benchmark scores (bench/scoring_engine_bench.cc),
// shared with the scorecard golden test so that the benchmarked output is pinned
// too. A mix of counts, percentages, growth rates, qualitative indicators and
// satisfaction, with completions from 0% to several times the target, as in the
// seed reports. Header-only: the benchmark links no test library.

#include <random>

#include "absl/strings/str_cat.h"
#include "common/domain/target_value/target_value_parser.h"
#include "jixiao/v1/report.pb.h"

namespace jixiao::scoring::testing {

namespace synthesized_internal {

inline void SetValues(v1::Indicator& indicator, int i, std::mt19937& rng) {
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

}  // namespace synthesized_internal

// A department report of `indicators` indicators for guangzhou-department. With
// `pre_parsed`, every target and actual is parsed as ingest stores it; else the
// engine parses the text while scoring.
inline v1::EvaluationReport SynthesizedReport(int indicators, bool pre_parsed) {
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
    synthesized_internal::SetValues(*indicator, i, rng);
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

}  // namespace jixiao::scoring::testing
