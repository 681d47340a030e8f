#pragma once
// jixiao gen: writes a synthetic dataset as JSON Lines (see tools/gen/).
#include <string>
#include <vector>

namespace jixiao::cli {

int RunGen(const std::vector<std::string>& args);

}  // namespace jixiao::cli
