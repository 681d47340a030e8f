#pragma once

// jixiao parse TARGET [ACTUAL] [--stated PERCENT]: how a target and an actual are
// read, and how scoring compares them (the engine's own AssessCompletion), one
// "key: value" per line.

#include <iostream>
#include <string>
#include <vector>

namespace jixiao::cli {

int RunParse(const std::vector<std::string>& args, std::ostream& out = std::cout,
             std::ostream& err = std::cerr);

}  // namespace jixiao::cli
