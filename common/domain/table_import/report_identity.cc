#include "common/domain/table_import/report_identity.h"

namespace jixiao::table_import {

void ApplyIdentity(const ReportIdentity& identity, jixiao::v1::Department& department) {
  if (!identity.department_code.empty()) {
    department.set_code(identity.department_code);
    department.mutable_district()->set_code(
        identity.department_code.substr(0, identity.department_code.find(':')));
  }
  if (!identity.department_name.empty()) department.set_name(identity.department_name);
  if (!identity.district_name.empty()) {
    department.mutable_district()->set_name(identity.district_name);
  }
  if (identity.level != jixiao::v1::ADMINISTRATIVE_LEVEL_UNSPECIFIED) {
    department.set_level(identity.level);
  }
  if (!identity.sector_tags.empty()) {
    department.clear_sector_tags();
    for (const std::string& tag : identity.sector_tags) department.add_sector_tags(tag);
  }
}

void ApplyIdentity(const ReportIdentity& identity, jixiao::v1::EvaluationReport& report) {
  ApplyIdentity(identity, *report.mutable_department());
  if (identity.year > 0) {
    report.set_fiscal_year(identity.year);
    if (report.kind() == jixiao::v1::REPORT_KIND_EXTERNAL_EVALUATION &&
        (report.period_start_year() == 0 || report.period_start_year() > identity.year)) {
      report.set_period_start_year(identity.year);
    }
  }
  if (!identity.project_code.empty()) report.set_project_code(identity.project_code);
}

void ApplyIdentity(const ReportIdentity& identity, jixiao::v1::ProjectTargetTable& table) {
  ApplyIdentity(identity, *table.mutable_department());
  if (identity.year > 0) table.set_fiscal_year(identity.year);
}

}  // namespace jixiao::table_import
