#include "tools/jixiao/import_evaluation_command.h"

#include <iostream>

namespace jixiao::cli {

int RunImportEvaluation(const std::vector<std::string>& args) {
  (void)args;
  std::cerr << "jixiao: not built yet\n";
  return 2;
}

}  // namespace jixiao::cli
