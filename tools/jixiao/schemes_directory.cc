#include "tools/jixiao/schemes_directory.h"

#include <cstdlib>

namespace jixiao::cli {

std::string SchemesDirectory(const std::string& flag_value) {
  if (!flag_value.empty()) return flag_value;
  const char* env = std::getenv("JIXIAO_SCHEMES_DIR");
  return env != nullptr && *env != '\0' ? env : kDefaultSchemesDir;
}

}  // namespace jixiao::cli
