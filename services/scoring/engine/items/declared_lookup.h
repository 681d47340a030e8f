#pragma once

// What the report declares of its own score, found by scheme code (assessed
// items: ReportIndex::FindAssessedItem).

#include <string>

#include "absl/strings/string_view.h"
#include "jixiao/v1/report.pb.h"

namespace jixiao::scoring {

// Where an assessed item of the report sits: "management_items[4].sub_items[5]".
// Printed only for findings, so it is found again then rather than kept.
void AppendAssessedItemPath(const v1::EvaluationReport& report, const v1::AssessedItem& item,
                            std::string& out);

// The declared subtotal of a scheme group ("effectiveness", "management").
const v1::DeclaredSubtotal* FindDeclaredSubtotal(const v1::EvaluationReport& report,
                                                 absl::string_view group_code);

}  // namespace jixiao::scoring
