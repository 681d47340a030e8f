#pragma once

// An item's selectors (SchemeItem.select and level1_codes), compiled once when a
// scheme is prepared: level names are read as the standard codes where they are
// standard ("产出指标" is level 1 "1", "成本指标" at level 2 is "14"), so that a
// selection by name and one by code are the same selection.

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "jixiao/v1/indicator.pb.h"
#include "jixiao/v1/scheme.pb.h"

namespace jixiao::scoring {

// How specific a selector is; an indicator two items' selectors match goes to the
// item whose matching selector is the most specific (an id before a name, a name
// before a tag, a tag before a level-2 class, a level-2 before a level-1 class).
enum class SelectorRank { kLevel1 = 1, kLevel2 = 2, kTag = 3, kLevel3 = 4, kIndicatorId = 5 };

struct IndicatorSelection {
  // Level-1 and level-2 classes by code; names that are no standard class are
  // matched by name ("产出值" → "产出").
  std::vector<std::string> level1_codes;
  std::vector<std::string> level1_names;
  std::vector<std::string> level2_codes;
  std::vector<std::string> level2_names;
  std::vector<std::string> level3_names;
  std::vector<std::string> indicator_ids;
  std::vector<std::string> tags;

  bool empty() const;
};

// The item's selection (level1_codes and select together).
IndicatorSelection CompileSelection(const v1::SchemeItem& item);

// A class name without its "指标" / "值" suffix and spaces: "产出指标" → "产出".
std::string ClassName(absl::string_view name);

// The standard code of a level-1 / level-2 class name ("效益" → "2",
// "社会效益" → "22"); empty when it is not standard.
absl::string_view StandardLevel1Code(absl::string_view class_name);
absl::string_view StandardLevel2Code(absl::string_view class_name);

// The most specific of the selection's selectors that matches the indicator
// (`level1_code`: its level-1 code, read from its name when the code is empty).
std::optional<SelectorRank> MatchSelection(const IndicatorSelection& selection,
                                           const v1::Indicator& indicator,
                                           absl::string_view level1_code);

}  // namespace jixiao::scoring
