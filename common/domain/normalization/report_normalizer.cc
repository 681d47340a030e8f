#include "common/domain/normalization/report_normalizer.h"

#include <algorithm>

#include "common/domain/report_id/report_id.h"
#include "common/domain/target_value/target_value_parser.h"
#include "common/domain/validation/report_validator.h"

namespace jixiao::normalization {
namespace {

// Parses the values an indicator has; a value the report leaves out stays absent.
void ParseValues(jixiao::v1::Indicator* indicator) {
  if (indicator->has_period_target()) {
    *indicator->mutable_period_target()->mutable_parsed() =
        target_value::ParseValue(indicator->period_target().text());
  }
  if (indicator->has_target()) {
    *indicator->mutable_target()->mutable_parsed() =
        target_value::ParseValue(indicator->target().text());
  }
  if (indicator->has_actual()) {
    *indicator->mutable_actual()->mutable_parsed() =
        target_value::ParseValue(indicator->actual().text());
  }
}

template <typename Indicators>
void ParseIndicators(Indicators* indicators) {
  for (auto& indicator : *indicators) ParseValues(&indicator);
}

void NormalizeDepartment(jixiao::v1::Department* department) {
  auto* tags = department->mutable_sector_tags();
  std::sort(tags->begin(), tags->end());
  tags->erase(std::unique(tags->begin(), tags->end()), tags->end());
}

}  // namespace

jixiao::v1::EvaluationReport NormalizeReport(jixiao::v1::EvaluationReport report) {
  if (report.report_id().empty()) report.set_report_id(report_id::Of(report));
  NormalizeDepartment(report.mutable_department());
  ParseIndicators(report.mutable_indicators());
  for (auto& task : *report.mutable_key_tasks()) ParseIndicators(task.mutable_indicators());
  for (auto& project : *report.mutable_projects()) ParseIndicators(project.mutable_indicators());
  for (auto& fund : *report.mutable_budget()->mutable_special_funds()) {
    ParseIndicators(fund.mutable_indicators());
  }
  return report;
}

jixiao::v1::ProjectTargetTable NormalizeTargetTable(jixiao::v1::ProjectTargetTable table) {
  if (table.table_id().empty()) table.set_table_id(report_id::OfTargetTable(table));
  NormalizeDepartment(table.mutable_department());
  for (auto& project : *table.mutable_projects()) ParseIndicators(project.mutable_indicators());
  return table;
}

}  // namespace jixiao::normalization
