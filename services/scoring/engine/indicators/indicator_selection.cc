#include "services/scoring/engine/indicators/indicator_selection.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "services/scoring/engine/explanation/explanation_text.h"

namespace jixiao::scoring {
namespace {

void AddList(const google::protobuf::RepeatedPtrField<v1::Indicator>& list,
             IndicatorLocation::List where, int owner, std::optional<double> shared_weight,
             std::vector<SelectedIndicator>& out) {
  for (int i = 0; i < list.size(); ++i) {
    const v1::Indicator& indicator = list[i];
    SelectedIndicator& selected = out.emplace_back();
    selected.indicator = &indicator;
    selected.location = {where, owner, i};
    selected.level1_code = Level1CodeOf(indicator);
    selected.level1_number = Level1Number(selected.level1_code);
    selected.stated_weight = indicator.has_weight() ? indicator.weight() : shared_weight;
  }
}

std::optional<double> TaskShare(const v1::KeyTask& task) {
  const int count = std::max(task.declared_indicator_count(), task.indicators_size());
  if (!task.has_weight() || count == 0) return std::nullopt;
  return task.weight() / count;
}

}  // namespace

void AppendFieldPath(const IndicatorLocation& location, std::string& out) {
  switch (location.list) {
    case IndicatorLocation::List::kReport:
      break;
    case IndicatorLocation::List::kKeyTask:
      AppendText(out, "key_tasks[", location.owner, "].");
      break;
    case IndicatorLocation::List::kProject:
      AppendText(out, "projects[", location.owner, "].");
      break;
    case IndicatorLocation::List::kSpecialFund:
      AppendText(out, "budget.special_funds[", location.owner, "].");
      break;
  }
  AppendText(out, "indicators[", location.index, "]");
}

absl::string_view Level1CodeOf(const v1::Indicator& indicator) {
  if (!indicator.level1_code().empty()) return indicator.level1_code();
  const std::string& name = indicator.level1_name();
  if (absl::StartsWith(name, "产出")) return "1";
  if (absl::StartsWith(name, "效益")) return "2";
  if (absl::StartsWith(name, "满意度")) return "3";
  if (absl::StartsWith(name, "成本")) return "4";
  return "";
}

int Level1Number(absl::string_view code) {
  return code.size() == 1 && code[0] >= '1' && code[0] <= '4' ? code[0] - '0' : 0;
}

bool IsItemized(const v1::Indicator& indicator) {
  return !indicator.target().text().empty() || !indicator.actual().text().empty() ||
         indicator.target().parsed().kind() != v1::VALUE_KIND_UNSPECIFIED ||
         indicator.actual().parsed().kind() != v1::VALUE_KIND_UNSPECIFIED ||
         !indicator.stated_completion_percent().empty();
}

std::vector<SelectedIndicator> ReportIndicators(const v1::EvaluationReport& report) {
  using List = IndicatorLocation::List;
  const bool projects = report.kind() == v1::REPORT_KIND_PROJECT_SELF_EVALUATION;
  size_t count = report.indicators_size();
  for (const v1::KeyTask& task : report.key_tasks()) count += task.indicators_size();
  if (projects) {
    for (const v1::Project& project : report.projects()) count += project.indicators_size();
  }
  std::vector<SelectedIndicator> all;
  all.reserve(count);
  AddList(report.indicators(), List::kReport, 0, std::nullopt, all);
  for (int t = 0; t < report.key_tasks_size(); ++t) {
    const v1::KeyTask& task = report.key_tasks(t);
    AddList(task.indicators(), List::kKeyTask, t, TaskShare(task), all);
  }
  if (projects) {
    for (int p = 0; p < report.projects_size(); ++p) {
      AddList(report.projects(p).indicators(), List::kProject, p, std::nullopt, all);
    }
  }
  return all;
}

std::vector<SelectedIndicator> SpecialFundIndicators(const v1::EvaluationReport& report) {
  std::vector<SelectedIndicator> selected;
  const auto& funds = report.budget().special_funds();
  for (int f = 0; f < funds.size(); ++f) {
    AddList(funds[f].indicators(), IndicatorLocation::List::kSpecialFund, f, std::nullopt,
            selected);
  }
  return selected;
}

}  // namespace jixiao::scoring
