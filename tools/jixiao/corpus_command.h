#pragma once

// jixiao corpus DIR: imports and scores every table of a corpus and writes its summary.

#include <string>
#include <vector>

namespace jixiao::cli {

int RunCorpus(const std::vector<std::string>& args);

}  // namespace jixiao::cli
