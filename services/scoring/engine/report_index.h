#pragma once

// What scoring looks up in a report again and again, gathered once per report:
// the indicators items draw on (with their level-1 codes and stated weights),
// the assessed items by code, and how far the key tasks itemize their indicators.

#include <vector>

#include "absl/strings/string_view.h"
#include "jixiao/v1/report.pb.h"
#include "services/scoring/engine/indicators/indicator_selection.h"
#include "services/scoring/scheme/prepared_scheme.h"

namespace jixiao::scoring {

// How many indicators the key tasks announce, and how many they list. The
// Guangzhou city report announces 27 and lists none: its 产出 and 效益 cannot
// be recomputed.
struct KeyTaskCoverage {
  int announced = 0;
  int listed = 0;
  int tasks = 0;
  bool partial() const { return announced > listed; }
};

KeyTaskCoverage CoverageOf(const v1::EvaluationReport& report);

// For the report and the scheme it is scored under (both must outlive the index).
class ReportIndex {
 public:
  ReportIndex(const v1::EvaluationReport& report, const PreparedScheme& scheme);

  // ReportIndicators(report).
  const std::vector<SelectedIndicator>& indicators() const { return indicators_; }
  // SpecialFundIndicators(report).
  const std::vector<SelectedIndicator>& special_fund_indicators() const {
    return special_fund_indicators_;
  }
  const KeyTaskCoverage& coverage() const { return coverage_; }

  // The report's assessed item (履职效能 or 管理效率, at any depth) with the
  // code of `item`, a scheme item: depth first, 履职效能 before 管理效率; null
  // when the report has none.
  const v1::AssessedItem* FindAssessedItem(const v1::SchemeItem& item) const;
  // The same by code, for a code of the scheme's items (null for any other).
  const v1::AssessedItem* FindAssessedItem(absl::string_view code) const;

 private:
  void AddAssessed(const google::protobuf::RepeatedPtrField<v1::AssessedItem>& items);

  std::vector<SelectedIndicator> indicators_;
  std::vector<SelectedIndicator> special_fund_indicators_;
  KeyTaskCoverage coverage_;
  const PreparedScheme* scheme_;
  // By the scheme's item code numbers; the first in FindAssessedItem's order wins.
  std::vector<const v1::AssessedItem*> assessed_items_;
};

}  // namespace jixiao::scoring
