#include "services/ingest/normalization/report_normalizer.h"

#include <algorithm>

#include "common/target_value/target_value_parser.h"
#include "services/ingest/validation/report_validator.h"

namespace jixiao::ingest {
namespace {

void ParseMeasured(bool present, jixiao::v1::MeasuredValue* value) {
  if (!present) return;
  *value->mutable_parsed() = target_value::ParseValue(value->text());
}

template <typename Indicators>
void ParseIndicators(Indicators* indicators) {
  for (auto& indicator : *indicators) {
    ParseMeasured(indicator.has_period_target(), indicator.mutable_period_target());
    ParseMeasured(indicator.has_target(), indicator.mutable_target());
    ParseMeasured(indicator.has_actual(), indicator.mutable_actual());
  }
}

void NormalizeDepartment(jixiao::v1::Department* department) {
  auto* tags = department->mutable_sector_tags();
  std::sort(tags->begin(), tags->end());
  tags->erase(std::unique(tags->begin(), tags->end()), tags->end());
}

}  // namespace

jixiao::v1::EvaluationReport NormalizeReport(jixiao::v1::EvaluationReport report) {
  if (report.report_id().empty()) report.set_report_id(DeriveReportId(report));
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
  if (table.table_id().empty()) table.set_table_id(DeriveTargetTableId(table));
  NormalizeDepartment(table.mutable_department());
  for (auto& project : *table.mutable_projects()) ParseIndicators(project.mutable_indicators());
  return table;
}

}  // namespace jixiao::ingest
