#pragma once

// Semantic checks of a parsed scheme: what the text format parser cannot know.
// Each issue carries the path of the offending field so that the loader can
// report the line it was written on.

#include <string>
#include <vector>

#include "google/protobuf/descriptor.h"
#include "jixiao/v1/scheme.pb.h"

namespace jixiao::scoring {

// One step into a message: a field and, for a repeated field, the element.
struct FieldStep {
  const google::protobuf::FieldDescriptor* field = nullptr;
  int index = -1;  // -1 for a singular field
};
using FieldPath = std::vector<FieldStep>;

struct SchemeIssue {
  FieldPath path;  // empty: the file as a whole
  std::string reason;
};

// Every issue found; empty when the scheme is usable. Checked: that every number is
// finite (when one is not, that alone is reported), id and version,
// rounding, the indicator rules (complete at scheme level, valid where overridden),
// bands, grade bands, item sources and their settings, unique codes, known
// variant conditions, and that weights add up: sub-items to their item's max,
// items to their group's max, groups (after each variant) to 100.
std::vector<SchemeIssue> ValidateScheme(const v1::Scheme& scheme);

}  // namespace jixiao::scoring
