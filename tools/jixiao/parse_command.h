#pragma once

// jixiao parse TARGET [ACTUAL]: how a target and an actual are read.

#include <string>
#include <vector>

namespace jixiao::cli {

int RunParse(const std::vector<std::string>& args);

}  // namespace jixiao::cli
