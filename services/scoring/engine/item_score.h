#pragma once

// The result of scoring one scheme item, and what every item scorer shares.
// Numbers and the facts behind them only: item_explanation.h words them.

#include <optional>
#include <vector>

#include "absl/strings/string_view.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/scheme.pb.h"
#include "jixiao/v1/scorecard.pb.h"
#include "services/scoring/engine/execution_rate.h"
#include "services/scoring/engine/indicator_scoring.h"
#include "services/scoring/engine/measured_value.h"
#include "services/scoring/engine/report_index.h"
#include "services/scoring/scheme/prepared_scheme.h"

namespace jixiao::scoring {

struct ScoringContext {
  const v1::EvaluationReport& report;
  const PreparedScheme& scheme;
  const ReportIndex& index;
  // Values the engine parses itself (reports scored as submitted).
  ParsedValueStore& parsed_values;
  int decimals = 2;
};

// How an item's line was scored; each has its own explanation.
enum class ItemBasis {
  // Recomputed from the report's indicators (sub-lines: `indicators`).
  kIndicators,
  // Recomputed from an execution rate (`rate`).
  kExecutionRate,
  // Recomputed: full marks, the report says every special fund met its indicators.
  kSpecialFundsAllMet,
  // Declared: the report's score for the item, not recomputable (`why`).
  kDeclared,
  // Declared: the sum of the declared scores of key tasks made of the item's indicators.
  kKeyTasks,
  // A declared item (ITEM_SOURCE_DECLARED) with the report's score for it
  // (sub-lines: `sub_items`, those the report scores).
  kDeclaredItem,
  // A declared item scored from all of its sub-items.
  kDeclaredSubItems,
  // A declared item of which the report scores only some sub-items: incomplete.
  kDeclaredSomeSubItems,
  // Neither inputs nor a declared score (`why`): incomplete.
  kMissing,
};

// Why an item is taken as declared (or missing) instead of recomputed.
enum class NotRecomputed {
  kIndicatorsNotItemized,
  kIndicatorsPartiallyItemized,
  kNoSpecialFunds,
  kSpecialFundsPartlyUnmet,
  kSpecialFundsUnstated,
  kNoBudgetInputs,
  kNoSpecialFundInputs,
  kDeclaredOnly,
};

// The finding an indicator item adds when the key tasks list fewer indicators
// than they announce.
enum class CoverageFinding {
  kNone,
  kCannotBeRecomputed,    // not itemized at all (INFO)
  kTakenAsDeclared,       // partly itemized, the declared score kept (WARNING)
  kRecomputedFromListed,  // partly itemized, recomputed from those listed (WARNING)
};

// A score the report declares, as counted: clamped to 0..max, rounded.
struct DeclaredScore {
  double printed = 0;
  double counted = 0;
  // Printed above the max or below 0: a DECLARED_OUT_OF_RANGE finding.
  bool out_of_range = false;
};

// A sub-item the report scores, under a declared item.
struct DeclaredSubItem {
  const v1::SchemeItem* item = nullptr;
  const v1::AssessedItem* assessed = nullptr;
  DeclaredScore score;
};

struct ItemScore {
  const v1::SchemeItem* item = nullptr;
  ItemBasis basis = ItemBasis::kMissing;

  // The line's figures.
  double points = 0;
  v1::Provenance provenance = v1::PROVENANCE_MISSING;
  absl::string_view rule;
  absl::string_view reason;  // reason code
  std::optional<double> declared_points;
  std::optional<double> completion_percent;
  // Neither inputs nor a declared score: the scorecard is incomplete.
  bool missing = false;

  // What the explanation and the findings need, by basis.
  // The report's own item for this code, if any (its declared score, facts, path).
  const v1::AssessedItem* assessed = nullptr;
  // kDeclared, kKeyTasks, kDeclaredItem: the declared score as counted.
  DeclaredScore declared;
  // kDeclared, kKeyTasks, kMissing.
  NotRecomputed why = NotRecomputed::kDeclaredOnly;
  CoverageFinding coverage_finding = CoverageFinding::kNone;
  // kIndicators.
  std::vector<IndicatorScore> indicators;
  bool any_stated_weight = false;
  // kKeyTasks: the tasks whose declared scores make the item's.
  std::vector<const v1::KeyTask*> key_tasks;
  // kExecutionRate.
  ExecutionRate rate;
  const v1::Band* rate_band = nullptr;  // stepwise: the band reached, null below all
  double rate_fraction = 0;
  // kDeclaredItem, kDeclaredSubItems, kDeclaredSomeSubItems.
  std::vector<DeclaredSubItem> sub_items;
  double sub_items_sum = 0;
  // kDeclaredItem: every sub-item is scored, and their sum is not the item's score.
  bool sub_items_disagree = false;

  // The department's budget execution rate, for the inflation signals.
  std::optional<double> budget_execution_percent;
};

// An item's score to start from: its figures unset, and the report's declared
// points for it when the report declares them.
ItemScore StartItemScore(const ScoringContext& context, const v1::SchemeItem& item);

// For an item that cannot be recomputed: the report's declared score for it
// (DECLARED, with `declared_reason`), else MISSING.
ItemScore DeclaredOrMissing(const ScoringContext& context, const v1::SchemeItem& item,
                            absl::string_view declared_reason, NotRecomputed why);

// A score taken from the report for `item`: clamped to 0..max and rounded.
DeclaredScore CountDeclared(const ScoringContext& context, const v1::SchemeItem& item,
                            double printed);

}  // namespace jixiao::scoring
