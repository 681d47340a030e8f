#pragma once

// Which of the report's indicators an item scores. Department indicators sit in
// `indicators` and in key tasks; a project self-evaluation may keep them under
// its project. Special funds' indicators belong to 专项资金绩效 only.

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "google/protobuf/repeated_field.h"
#include "jixiao/v1/report.pb.h"

namespace jixiao::scoring {

// Where an indicator sits in the report. Its field path ("key_tasks[1].indicators[0]")
// is only printed for a finding, so it is kept as indices until then.
struct IndicatorLocation {
  enum class List { kReport, kKeyTask, kProject, kSpecialFund };
  List list = List::kReport;
  int owner = 0;  // the key task, project or special fund
  int index = 0;
};

// "indicators[3]", "key_tasks[1].indicators[0]", "projects[0].indicators[2]",
// "budget.special_funds[0].indicators[1]".
void AppendFieldPath(const IndicatorLocation& location, std::string& out);

struct SelectedIndicator {
  const v1::Indicator* indicator = nullptr;
  IndicatorLocation location;
  // See Level1CodeOf; a view of the indicator or of a constant.
  absl::string_view level1_code;
  // Level1Number(level1_code).
  int level1_number = 0;
  // The indicator's own weight; else, inside a weighted key task, the task's
  // weight shared by its indicators (the Guangzhou reports weight tasks, not
  // indicators: 6.5 points over 10 indicators is 0.65 each).
  std::optional<double> stated_weight;
};

// "1" 产出, "2" 效益, "3" 满意度, "4" 成本: the code, or read from level1_name.
absl::string_view Level1CodeOf(const v1::Indicator& indicator);

// 1 to 4 for the level-1 codes "1" to "4" (the only ones a scheme may take); 0 otherwise.
int Level1Number(absl::string_view code);

// The report gives something to score: a target, an actual or a stated completion.
bool IsItemized(const v1::Indicator& indicator);

// Every indicator a department (or project) item may draw on, in report order.
std::vector<SelectedIndicator> ReportIndicators(const v1::EvaluationReport& report);

// The special funds' indicators.
std::vector<SelectedIndicator> SpecialFundIndicators(const v1::EvaluationReport& report);

}  // namespace jixiao::scoring
