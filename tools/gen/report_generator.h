#pragma once
// One synthetic department overall self-evaluation (部门整体支出绩效自评报告),
// shaped like the Guangzhou seeds: budget (initial, adjusted, final), special
// funds, indicators with targets and actuals, the seven 管理效率 items with
// declared scores, declared subtotals, total and grade.
//
// A department keeps its traits (size, sector, how well it delivers, whether
// it over-claims) from year to year, so trends and rank movements mean
// something; each year draws its own figures. Pure: the report depends on the
// shape's seed and the address only.
#include "jixiao/v1/report.pb.h"
#include "tools/gen/dataset_shape.h"

namespace jixiao::gen {

// The shape must pass CheckShape and the address lie within it.
jixiao::v1::EvaluationReport GenerateReport(const DatasetShape& shape,
                                            const ReportAddress& address);

}  // namespace jixiao::gen
