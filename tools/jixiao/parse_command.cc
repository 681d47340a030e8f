#include "tools/jixiao/parse_command.h"

#include <iostream>

namespace jixiao::cli {

int RunParse(const std::vector<std::string>& args) {
  (void)args;
  std::cerr << "jixiao: not built yet\n";
  return 2;
}

}  // namespace jixiao::cli
