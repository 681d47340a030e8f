#pragma once
// The kinds of department a synthetic district has, in a fixed order: the
// first N of them are the departments of every district when N are asked for.
// Each has a slug (the department code's suffix), a name suffix and sector tags
// as a finance bureau would group them for peer comparison.

#include <vector>

namespace jixiao::gen {

struct DepartmentType {
  const char* slug;
  const char* name;  // appended to the district's name: "样例0007区" + "商务局"
  std::vector<const char*> sector_tags;
};

// 40 types; the first ones are those every district has.
const std::vector<DepartmentType>& DepartmentTypes();

}  // namespace jixiao::gen
