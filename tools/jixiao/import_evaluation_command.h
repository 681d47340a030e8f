#pragma once

// jixiao import-evaluation FILE [--out REPORT.json]: a published 项目支出绩效自评表 (text) as a
// report.

#include <string>
#include <vector>

namespace jixiao::cli {

int RunImportEvaluation(const std::vector<std::string>& args);

}  // namespace jixiao::cli
