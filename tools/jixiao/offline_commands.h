#pragma once

// Commands that work on files alone, with no service running: checking reports
// and importing target tables.

#include <string>
#include <vector>

namespace jixiao::cli {

// jixiao validate FILE|DIR…: parses, validates and consistency-checks reports
// (and target tables) in proto3 JSON. Exit code 1 if any file is refused.
int RunValidate(const std::vector<std::string>& args);

// jixiao import-targets FILE.txt --department-code C --district-name N --level L
//   --year Y [--sector-tags a,b] [--out FILE]: imports a target table's text and
// prints it as normalized JSON. Bad lines go to stderr as FILE:LINE: reason.
int RunImportTargets(const std::vector<std::string>& args);

}  // namespace jixiao::cli
