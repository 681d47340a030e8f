#pragma once

// What a published table does not print about whose it is: the department's
// code, district and level, its sector tags, and sometimes the year. The caller
// knows them (command-line options, the corpus manifest) and sets them here;
// a value left empty keeps what the table printed.

#include <string>
#include <vector>

#include "jixiao/v1/department.pb.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/target_table.pb.h"

namespace jixiao::table_import {

struct ReportIdentity {
  std::string department_code;  // "<division code>:<slug>"; the district code is its head
  std::string department_name;
  std::string district_name;
  jixiao::v1::AdministrativeLevel level = jixiao::v1::ADMINISTRATIVE_LEVEL_UNSPECIFIED;
  std::vector<std::string> sector_tags;
  int year = 0;
  std::string project_code;
};

void ApplyIdentity(const ReportIdentity& identity, jixiao::v1::Department& department);
void ApplyIdentity(const ReportIdentity& identity, jixiao::v1::EvaluationReport& report);
void ApplyIdentity(const ReportIdentity& identity, jixiao::v1::ProjectTargetTable& table);

}  // namespace jixiao::table_import
