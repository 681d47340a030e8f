#pragma once

// The result of scoring one scheme item, and what every item scorer shares.
// Numbers and the facts behind them only: item_explanation.h words them.

#include <optional>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/scheme.pb.h"
#include "jixiao/v1/scorecard.pb.h"
#include "services/scoring/engine/indicators/indicator_assignment.h"
#include "services/scoring/engine/indicators/indicator_scoring.h"
#include "services/scoring/engine/indicators/measured_value.h"
#include "services/scoring/engine/items/execution_rate.h"
#include "services/scoring/engine/report_index.h"
#include "services/scoring/scheme/prepared_scheme.h"

namespace jixiao::scoring {

// Reason codes (REASON_CODES.md) of an item scored by DeclaredOrMissing.
namespace reason {
inline constexpr absl::string_view kDeclaredNoInputs = "DECLARED_NO_INPUTS";
inline constexpr absl::string_view kMissing = "MISSING";
}  // namespace reason

// The points an item is worth in this report, where they differ from the
// scheme's `max`: points moved in from an absent item (AbsentPolicy), or a
// sub-item's share of its item. Items not listed are worth their `max`.
struct ItemMaxima {
  absl::flat_hash_map<const v1::SchemeItem*, double> overrides;
  // Items the report has nothing for, whose absence the scheme's policy settles.
  absl::flat_hash_map<const v1::SchemeItem*, v1::AbsentPolicy> absent;
  // The items whose maxima changed because of an absent item, with the items
  // whose points they took.
  absl::flat_hash_map<const v1::SchemeItem*, std::vector<const v1::SchemeItem*>> received_from;

  double Of(const v1::SchemeItem& item) const {
    const auto it = overrides.find(&item);
    return it == overrides.end() ? item.max() : it->second;
  }
};

struct ScoringContext {
  const v1::EvaluationReport& report;
  const PreparedScheme& scheme;
  const ReportIndex& index;
  // Values the engine parses itself (reports scored as submitted).
  ParsedValueStore& parsed_values;
  int decimals = 2;
  // The report's indicators shared among the items of the variant scored with.
  const IndicatorAssignment* assignment = nullptr;
  ItemMaxima* maxima = nullptr;

  double MaxOf(const v1::SchemeItem& item) const {
    return maxima == nullptr ? item.max() : maxima->Of(item);
  }
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
  // Nothing in the report for the item, settled by the scheme's AbsentPolicy.
  kAbsent,
  // Recomputed from sub-items (ITEM_SOURCE_SUB_ITEMS): `sub_scores`.
  kSubItems,
  // A check (要点) the report answers: `check_met`.
  kCheck,
  // An execution rate per year of the period, aggregated (`years`).
  kYearlyExecution,
};

// Why an item is taken as declared (or missing) instead of recomputed.
enum class NotRecomputed {
  kIndicatorsNotItemized,
  kIndicatorsPartiallyItemized,
  kSpecialFundsUnlisted,
  kSpecialFundsPartlyUnmet,
  kSpecialFundsUnstated,
  kNoBudgetInputs,
  kNoSpecialFundInputs,
  kDeclaredOnly,
  kCheckUnanswered,
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

// One year of a yearly execution item.
struct YearRate {
  int fiscal_year = 0;
  ExecutionRate rate;
  double share = 0;
};

struct ItemScore {
  const v1::SchemeItem* item = nullptr;
  ItemBasis basis = ItemBasis::kMissing;
  // The points the item is worth in this report (ScoringContext::MaxOf).
  double max = 0;

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
  // The curve's reading: the point reached (null below the first) and, on a
  // line between two points, the next one.
  const v1::CurvePoint* rate_step = nullptr;
  const v1::CurvePoint* rate_step_to = nullptr;
  double rate_fraction = 0;
  // kYearlyExecution.
  std::vector<YearRate> years;
  // kSubItems: each sub-item scored, exact (unrounded) points.
  std::vector<ItemScore> sub_scores;
  // kCheck.
  bool check_met = false;
  // kIndicators under ROW_WEIGHTS_PRINTED: the printed weights' sum when it is
  // not the item's max (they rule as printed; the item is capped at its max).
  std::optional<double> printed_weights_sum;
  // kIndicators under ROW_WEIGHTS_PRINTED: some indicators print no weight, so
  // the printed ones were scaled instead.
  bool printed_weights_incomplete = false;
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
