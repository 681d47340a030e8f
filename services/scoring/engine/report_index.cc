#include "services/scoring/engine/report_index.h"

#include <algorithm>

namespace jixiao::scoring {

KeyTaskCoverage CoverageOf(const v1::EvaluationReport& report) {
  KeyTaskCoverage coverage;
  for (const v1::KeyTask& task : report.key_tasks()) {
    if (task.declared_indicator_count() == 0 && task.indicators().empty()) continue;
    ++coverage.tasks;
    coverage.announced += std::max(task.declared_indicator_count(), task.indicators_size());
    coverage.listed += task.indicators_size();
  }
  return coverage;
}

ReportIndex::ReportIndex(const v1::EvaluationReport& report, const PreparedScheme& scheme)
    : indicators_(ReportIndicators(report)),
      special_fund_indicators_(SpecialFundIndicators(report)),
      coverage_(CoverageOf(report)),
      scheme_(&scheme) {
  if (report.effectiveness_items().empty() && report.management_items().empty()) return;
  assessed_items_.resize(scheme.item_code_count(), nullptr);
  AddAssessed(report.effectiveness_items());
  AddAssessed(report.management_items());
}

void ReportIndex::AddAssessed(const google::protobuf::RepeatedPtrField<v1::AssessedItem>& items) {
  for (const v1::AssessedItem& item : items) {
    // Only the scheme's codes are ever looked up: the report's others are skipped.
    const int number = scheme_->ItemCodeNumber(item.code());
    if (number >= 0 && assessed_items_[number] == nullptr) assessed_items_[number] = &item;
    AddAssessed(item.sub_items());
  }
}

const v1::AssessedItem* ReportIndex::FindAssessedItem(const v1::SchemeItem& item) const {
  if (assessed_items_.empty()) return nullptr;
  const int number = scheme_->ItemCodeNumber(item);
  return number < 0 ? nullptr : assessed_items_[number];
}

const v1::AssessedItem* ReportIndex::FindAssessedItem(absl::string_view code) const {
  if (assessed_items_.empty()) return nullptr;
  const int number = scheme_->ItemCodeNumber(code);
  return number < 0 ? nullptr : assessed_items_[number];
}

}  // namespace jixiao::scoring
