#include "services/scoring/engine/indicator_selection.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace jixiao::scoring {
namespace {

std::optional<double> OwnWeight(const v1::Indicator& indicator) {
  if (indicator.has_weight()) return indicator.weight();
  return std::nullopt;
}

void AddList(const google::protobuf::RepeatedPtrField<v1::Indicator>& list,
             const std::string& prefix, std::optional<double> shared_weight,
             std::vector<SelectedIndicator>& out) {
  for (int i = 0; i < list.size(); ++i) {
    SelectedIndicator selected;
    selected.indicator = &list[i];
    selected.field_path = absl::StrCat(prefix, "indicators[", i, "]");
    selected.stated_weight = OwnWeight(list[i]);
    if (!selected.stated_weight.has_value()) selected.stated_weight = shared_weight;
    out.push_back(std::move(selected));
  }
}

std::optional<double> TaskShare(const v1::KeyTask& task) {
  const int count = std::max(task.declared_indicator_count(), task.indicators_size());
  if (!task.has_weight() || count == 0) return std::nullopt;
  return task.weight() / count;
}

}  // namespace

std::string Level1CodeOf(const v1::Indicator& indicator) {
  if (!indicator.level1_code().empty()) return indicator.level1_code();
  const std::string& name = indicator.level1_name();
  if (absl::StartsWith(name, "产出")) return "1";
  if (absl::StartsWith(name, "效益")) return "2";
  if (absl::StartsWith(name, "满意度")) return "3";
  if (absl::StartsWith(name, "成本")) return "4";
  return "";
}

bool IsItemized(const v1::Indicator& indicator) {
  return !indicator.target().text().empty() || !indicator.actual().text().empty() ||
         indicator.target().parsed().kind() != v1::VALUE_KIND_UNSPECIFIED ||
         indicator.actual().parsed().kind() != v1::VALUE_KIND_UNSPECIFIED ||
         !indicator.stated_completion_percent().empty();
}

std::vector<SelectedIndicator> ReportIndicators(const v1::EvaluationReport& report) {
  std::vector<SelectedIndicator> all;
  AddList(report.indicators(), "", std::nullopt, all);
  for (int t = 0; t < report.key_tasks_size(); ++t) {
    const v1::KeyTask& task = report.key_tasks(t);
    AddList(task.indicators(), absl::StrCat("key_tasks[", t, "]."), TaskShare(task), all);
  }
  if (report.kind() == v1::REPORT_KIND_PROJECT_SELF_EVALUATION) {
    for (int p = 0; p < report.projects_size(); ++p) {
      AddList(report.projects(p).indicators(), absl::StrCat("projects[", p, "]."), std::nullopt,
              all);
    }
  }
  return all;
}

std::vector<SelectedIndicator> SelectIndicators(
    const v1::EvaluationReport& report,
    const google::protobuf::RepeatedPtrField<std::string>& level1_codes) {
  std::vector<SelectedIndicator> selected;
  for (SelectedIndicator& candidate : ReportIndicators(report)) {
    const std::string code = Level1CodeOf(*candidate.indicator);
    if (std::find(level1_codes.begin(), level1_codes.end(), code) != level1_codes.end()) {
      selected.push_back(std::move(candidate));
    }
  }
  return selected;
}

std::vector<SelectedIndicator> SpecialFundIndicators(const v1::EvaluationReport& report) {
  std::vector<SelectedIndicator> selected;
  const auto& funds = report.budget().special_funds();
  for (int f = 0; f < funds.size(); ++f) {
    AddList(funds[f].indicators(), absl::StrCat("budget.special_funds[", f, "]."), std::nullopt,
            selected);
  }
  return selected;
}

}  // namespace jixiao::scoring
