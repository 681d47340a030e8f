#pragma once

// Which of the report's indicators an item scores. Department indicators sit in
// `indicators` and in key tasks; a project self-evaluation may keep them under
// its project. Special funds' indicators belong to 专项资金绩效 only.

#include <optional>
#include <string>
#include <vector>

#include "google/protobuf/repeated_field.h"
#include "jixiao/v1/report.pb.h"

namespace jixiao::scoring {

struct SelectedIndicator {
  const v1::Indicator* indicator = nullptr;
  std::string field_path;  // "indicators[3]", "key_tasks[1].indicators[0]"
  // The indicator's own weight; else, inside a weighted key task, the task's
  // weight shared by its indicators (the Guangzhou reports weight tasks, not
  // indicators: 6.5 points over 10 indicators is 0.65 each).
  std::optional<double> stated_weight;
};

// "1" 产出, "2" 效益, "3" 满意度, "4" 成本: the code, or read from level1_name.
std::string Level1CodeOf(const v1::Indicator& indicator);

// The report gives something to score: a target, an actual or a stated completion.
bool IsItemized(const v1::Indicator& indicator);

// Every indicator a department (or project) item may draw on, in report order.
std::vector<SelectedIndicator> ReportIndicators(const v1::EvaluationReport& report);

// Those of ReportIndicators whose level-1 code is in `level1_codes`.
std::vector<SelectedIndicator> SelectIndicators(
    const v1::EvaluationReport& report,
    const google::protobuf::RepeatedPtrField<std::string>& level1_codes);

// The special funds' indicators.
std::vector<SelectedIndicator> SpecialFundIndicators(const v1::EvaluationReport& report);

}  // namespace jixiao::scoring
