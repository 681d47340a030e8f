#pragma once

// What the report declares of its own score, found by scheme code.

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "jixiao/v1/report.pb.h"

namespace jixiao::scoring {

struct AssessedItemRef {
  const v1::AssessedItem* item = nullptr;
  std::string field_path;  // "management_items[4].sub_items[5]"
};

// The assessed item (履职效能 or 管理效率, at any depth) with that code.
std::optional<AssessedItemRef> FindAssessedItem(const v1::EvaluationReport& report,
                                                absl::string_view code);

// The declared subtotal of a scheme group ("effectiveness", "management").
const v1::DeclaredSubtotal* FindDeclaredSubtotal(const v1::EvaluationReport& report,
                                                 absl::string_view group_code);

}  // namespace jixiao::scoring
