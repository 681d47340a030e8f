#pragma once

// Tests find the project's data files through JIXIAO_SOURCE_DIR, which ctest sets.

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace jixiao::testing {

inline std::string SourcePath(const std::string& relative) {
  const char* dir = std::getenv("JIXIAO_SOURCE_DIR");
  if (dir == nullptr) throw std::runtime_error("JIXIAO_SOURCE_DIR is not set (run through ctest)");
  return std::string(dir) + "/" + relative;
}

inline std::string ReadSourceFile(const std::string& relative) {
  std::ifstream in(SourcePath(relative), std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + SourcePath(relative));
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace jixiao::testing
