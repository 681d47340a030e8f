#pragma once

// The environment as name → value, passed to the parser rather than read by
// it, so that tests control which JIXIAO_* variables are set.

#include <map>
#include <string>

namespace jixiao::options {

using Environment = std::map<std::string, std::string>;

// Reads the process environment (environ).
Environment ProcessEnvironment();

}  // namespace jixiao::options
