#pragma once

// Cutting a run-together stretch of indicator rows into rows: each row of a
// scored form ends in its 分值 and 得分 digits ("…50件50件2020"), the end of a row
// being a digit run that no unit follows.

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace jixiao::table_import {

struct RunTogetherRow {
  std::string cells;  // name, target, actual as they ran together
  std::string run;    // the trailing digits: 分值 and 得分; empty when none
};

// Splits `text` into rows at every digit run followed by the end of `text` or by
// a character that is no unit. A tail with no such run is a last row with an
// empty `run`.
std::vector<RunTogetherRow> SplitRowsAtScoreRuns(absl::string_view text);

}  // namespace jixiao::table_import
