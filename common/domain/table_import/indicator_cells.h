#pragma once

// The 三级指标 | 年度指标值 | 实际完成值 cells of an indicator row whose cells ran
// together ("更新剧团老化、损坏的音50件50件", "金融机构网点覆盖率≥60%85%").

#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace jixiao::table_import {

struct NameTargetActual {
  std::string name;
  std::string target;
  std::string actual;
};

// Reads `text` as a name followed by a target and an actual, where the split is
// certain: the same value twice ("合格合格", "50件50件": met exactly), two
// figures each with its own unit or operator ("≥10%115.25%", "≥2倍10倍"), or a
// figure followed by a status word ("≥95.00%已完成"). nullopt otherwise: the
// caller keeps the text as the name and reports the row.
std::optional<NameTargetActual> SplitNameTargetActual(absl::string_view text);

// The start of the value [operator] number [unit] that ends `text` at `end`, or
// nullopt when `text` does not end in one. The unit is at most four characters.
std::optional<size_t> TrailingValueStart(absl::string_view text, size_t end);

}  // namespace jixiao::table_import
