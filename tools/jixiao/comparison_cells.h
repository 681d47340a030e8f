#pragma once

// The cells of one jixiao.v1.ComparisonRow as the comparison, ranking and trend
// tables print them. A figure the row does not have prints as "—", never as 0:
// a department that declared no score did not declare zero.

#include <string>

#include "jixiao/v1/query_service.pb.h"

namespace jixiao::cli {

inline constexpr char kNoValue[] = "—";

// Points with two decimals: "93.13".
std::string PointsCell(double points);
// The rank, or "—" for a row that is not ranked (incomplete).
std::string RankCell(const jixiao::v1::ComparisonRow& row);
// The department's name, else its code.
std::string DepartmentCell(const jixiao::v1::ComparisonRow& row);
// The project a report is of, by the project code its id ends in
// (".../project/fair" → "fair"); "" for a department's self-evaluation. The
// rows carry no project name.
std::string ProjectCode(const std::string& report_id);
std::string GradeCell(const jixiao::v1::ComparisonRow& row);
// The declared total, with the declared grade when there is one: "93.13 (优)";
// only the grade when no total was declared: "— (优)".
std::string DeclaredTotalCell(const jixiao::v1::ComparisonRow& row);
// Declared minus recomputed, signed: "+51.51"; positive means over-claimed.
std::string DeclaredMinusRecomputedCell(const jixiao::v1::ComparisonRow& row);
// Final / adjusted budget: "98.54%".
std::string ExecutionCell(const jixiao::v1::ComparisonRow& row);
// (Adjusted − initial) / initial, signed: "+12.50%".
std::string AdjustmentCell(const jixiao::v1::ComparisonRow& row);
// "完整", or "缺 " and what is missing, the first three named: "缺 management, … (+2)".
std::string CompletenessCell(const jixiao::v1::ComparisonRow& row);

}  // namespace jixiao::cli
