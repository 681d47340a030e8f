#include "services/scoring/scheme/scheme_validator.h"

#include <cmath>
#include <set>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "google/protobuf/message.h"
#include "services/scoring/scheme/curves.h"
#include "services/scoring/scheme/did_you_mean.h"
#include "services/scoring/scheme/effective_groups.h"
#include "services/scoring/scheme/effective_rules.h"
#include "services/scoring/scheme/indicator_selection_rules.h"
#include "services/scoring/scheme/variant_conditions.h"

namespace jixiao::scoring {
namespace {

using google::protobuf::Descriptor;

// Weights are decimals such as 0.5 and 1.5; sums are compared with a tolerance
// far below any printed precision.
constexpr double kWeightTolerance = 1e-6;
constexpr double kSchemeTotal = 100;

FieldPath With(FieldPath path, const Descriptor* descriptor, int field_number, int index = -1) {
  path.push_back({descriptor->FindFieldByNumber(field_number), index});
  return path;
}

std::string Num(double value) { return absl::StrFormat("%g", value); }

bool IsExecutionSource(v1::ItemSource source) {
  return source == v1::ITEM_SOURCE_BUDGET_EXECUTION ||
         source == v1::ITEM_SOURCE_SPECIAL_FUND_EXECUTION;
}

bool HasSubItems(v1::ItemSource source) {
  return source == v1::ITEM_SOURCE_DECLARED || source == v1::ITEM_SOURCE_SUB_ITEMS;
}

bool TakesIndicatorRules(v1::ItemSource source) {
  return source == v1::ITEM_SOURCE_INDICATORS || source == v1::ITEM_SOURCE_SPECIAL_FUND_PERFORMANCE;
}

bool IsKnownLevel1Code(const std::string& code) {
  return code == "1" || code == "2" || code == "3" || code == "4";
}

bool IsValidId(const std::string& id) {
  if (id.empty()) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

class SchemeValidator {
 public:
  explicit SchemeValidator(const v1::Scheme& scheme) : scheme_(scheme) {}

  std::vector<SchemeIssue> Run() {
    // NaN and the infinities, which text format reads ("nan", "inf"), pass the
    // comparisons below (NaN <= 0 and NaN > 0 are both false): a scheme with an item's
    // max of nan loaded and scored every report nan. Refused first, and alone.
    CheckFiniteNumbers(scheme_, {});
    if (!issues_.empty()) return std::move(issues_);
    CheckIdentity();
    CheckIndicatorRules(scheme_.indicator_rules(), Path(v1::Scheme::kIndicatorRulesFieldNumber),
                        /*required=*/true);
    CheckGradeBands();
    CheckBaseGroups();
    CheckVariants();
    return std::move(issues_);
  }

 private:
  FieldPath Path(int field_number, int index = -1) const {
    return With({}, v1::Scheme::descriptor(), field_number, index);
  }

  void Add(FieldPath path, std::string reason) {
    issues_.push_back({std::move(path), std::move(reason)});
  }

  void CheckFiniteNumbers(const google::protobuf::Message& message, const FieldPath& path) {
    const google::protobuf::Reflection& reflection = *message.GetReflection();
    std::vector<const google::protobuf::FieldDescriptor*> fields;
    reflection.ListFields(message, &fields);
    for (const google::protobuf::FieldDescriptor* field : fields) {
      const int count = field->is_repeated() ? reflection.FieldSize(message, field) : 1;
      for (int i = 0; i < count; ++i) {
        const int index = field->is_repeated() ? i : -1;
        FieldPath at = path;
        at.push_back({field, index});
        if (field->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE) {
          CheckFiniteNumbers(index >= 0 ? reflection.GetRepeatedMessage(message, field, index)
                                        : reflection.GetMessage(message, field),
                             at);
        } else if (field->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_DOUBLE) {
          const double value = index >= 0 ? reflection.GetRepeatedDouble(message, field, index)
                                          : reflection.GetDouble(message, field);
          if (!std::isfinite(value)) {
            Add(std::move(at),
                absl::StrCat(field->name(), " must be a finite number, not ", Num(value)));
          }
        }
      }
    }
  }

  void CheckIdentity() {
    if (scheme_.id().empty()) {
      Add(Path(v1::Scheme::kIdFieldNumber), "missing id");
    } else if (!IsValidId(scheme_.id())) {
      Add(Path(v1::Scheme::kIdFieldNumber),
          absl::StrCat("id \"", scheme_.id(), "\" may only hold letters, digits, '-', '_', '.'"));
    }
    if (scheme_.version() <= 0) {
      Add(Path(v1::Scheme::kVersionFieldNumber), "missing version (a whole number from 1)");
    }
    if (scheme_.rounding_decimals() < 1 || scheme_.rounding_decimals() > 6) {
      Add(Path(v1::Scheme::kRoundingDecimalsFieldNumber),
          "rounding_decimals must be set between 1 and 6 (2: lines are rounded to 0.01)");
    }
  }

  void CheckCurve(bool present, const v1::Curve& curve, const FieldPath& path,
                  absl::string_view what) {
    if (!present) return;
    absl::StatusOr<v1::Curve> resolved = ResolveCurve(curve);
    if (resolved.ok()) return;
    std::string reason = absl::StrCat(what, ": ", resolved.status().message());
    if (!curve.preset().empty()) {
      std::vector<std::string> presets;
      for (absl::string_view name : CurvePresetNames()) presets.emplace_back(name);
      absl::StrAppend(&reason, DidYouMean(curve.preset(), presets));
    }
    Add(path, std::move(reason));
  }

  // Bands must rise: a higher rate never earns a smaller share.
  void CheckBands(const google::protobuf::RepeatedPtrField<v1::Band>& bands, const FieldPath& owner,
                  int field_number, absl::string_view what) {
    for (int i = 0; i < bands.size(); ++i) {
      const FieldPath path = With(owner, v1::IndicatorRules::descriptor(), field_number, i);
      const v1::Band& band = bands[i];
      if (band.fraction() < 0 || band.fraction() > 1) {
        Add(path, absl::StrCat(what, ": fraction ", Num(band.fraction()), " is not within 0..1"));
      }
      if (band.min_percent() < 0) {
        Add(path, absl::StrCat(what, ": min_percent ", Num(band.min_percent()), " is negative"));
      }
      if (i > 0 && band.min_percent() <= bands[i - 1].min_percent()) {
        Add(path, absl::StrCat(what, ": bands must be listed by rising min_percent"));
      }
      if (i > 0 && band.fraction() < bands[i - 1].fraction()) {
        Add(path, absl::StrCat(what, ": a higher band may not give a smaller fraction"));
      }
    }
  }

  void CheckOverCompletion(const v1::OverCompletionRule& rule, const FieldPath& path) {
    const bool needs_threshold = rule.policy() == v1::OVER_COMPLETION_POLICY_PENALIZE ||
                                 rule.policy() == v1::OVER_COMPLETION_POLICY_FLAG;
    if (needs_threshold && rule.threshold_percent() < 100) {
      Add(path, absl::StrCat("over_completion.threshold_percent must be at least 100, not ",
                             Num(rule.threshold_percent())));
    }
    if (rule.policy() == v1::OVER_COMPLETION_POLICY_PENALIZE &&
        (rule.penalty_fraction() <= 0 || rule.penalty_fraction() > 1)) {
      Add(path, absl::StrCat("over_completion.penalty_fraction must be within (0, 1], not ",
                             Num(rule.penalty_fraction())));
    }
    if (rule.policy() != v1::OVER_COMPLETION_POLICY_PENALIZE && rule.penalty_fraction() != 0) {
      Add(path, "over_completion.penalty_fraction applies only to OVER_COMPLETION_POLICY_PENALIZE");
    }
  }

  void CheckQualitative(const v1::QualitativeTiers& tiers, const FieldPath& path) {
    const bool ordered = tiers.not_achieved() >= 0 &&
                         tiers.not_achieved() <= tiers.partially_achieved() &&
                         tiers.partially_achieved() <= tiers.achieved() && tiers.achieved() <= 1;
    if (!ordered || tiers.achieved() <= 0) {
      Add(path,
          "qualitative tiers must satisfy 0 <= not_achieved <= partially_achieved <= achieved <= 1 "
          "with achieved > 0");
    }
  }

  // `required`: the scheme-level rules, which every item inherits, must set
  // every field; an item's override sets only what it changes.
  void CheckIndicatorRules(const v1::IndicatorRules& rules, const FieldPath& path, bool required) {
    const Descriptor* d = v1::IndicatorRules::descriptor();
    if (required && rules.curve() == v1::COMPLETION_CURVE_UNSPECIFIED && !rules.has_completion()) {
      Add(path, "indicator_rules.completion (or the older curve) must be set");
    }
    if (rules.has_completion() && rules.curve() != v1::COMPLETION_CURVE_UNSPECIFIED) {
      Add(With(path, d, v1::IndicatorRules::kCompletionFieldNumber),
          "set completion or the older curve, not both");
    }
    CheckCurve(rules.has_completion(), rules.completion(),
               With(path, d, v1::IndicatorRules::kCompletionFieldNumber), "completion");
    CheckCurve(rules.has_satisfaction(), rules.satisfaction(),
               With(path, d, v1::IndicatorRules::kSatisfactionFieldNumber), "satisfaction");
    if (rules.has_satisfaction() && !rules.satisfaction_steps().empty()) {
      Add(With(path, d, v1::IndicatorRules::kSatisfactionFieldNumber),
          "set satisfaction or the older satisfaction_steps, not both");
    }
    // An item's override is checked for curve and steps once merged (see
    // CheckIndicatorSelection): it may inherit either.
    if (required && rules.curve() == v1::COMPLETION_CURVE_STEPWISE && rules.steps().empty()) {
      Add(With(path, d, v1::IndicatorRules::kCurveFieldNumber),
          "COMPLETION_CURVE_STEPWISE needs steps");
    }
    if (required && rules.curve() != v1::COMPLETION_CURVE_STEPWISE &&
        rules.curve() != v1::COMPLETION_CURVE_UNSPECIFIED && !rules.steps().empty()) {
      Add(With(path, d, v1::IndicatorRules::kStepsFieldNumber, 0),
          "steps apply only to COMPLETION_CURVE_STEPWISE");
    }
    CheckBands(rules.steps(), path, v1::IndicatorRules::kStepsFieldNumber, "steps");
    CheckBands(rules.satisfaction_steps(), path, v1::IndicatorRules::kSatisfactionStepsFieldNumber,
               "satisfaction_steps");
    const FieldPath over = With(path, d, v1::IndicatorRules::kOverCompletionFieldNumber);
    if (rules.over_completion().policy() == v1::OVER_COMPLETION_POLICY_UNSPECIFIED) {
      if (required || rules.has_over_completion()) {
        Add(over, "over_completion.policy must be set");
      }
    } else {
      CheckOverCompletion(rules.over_completion(), over);
    }
    const FieldPath qualitative = With(path, d, v1::IndicatorRules::kQualitativeFieldNumber);
    if (rules.has_qualitative()) {
      CheckQualitative(rules.qualitative(), qualitative);
    } else if (required) {
      Add(path, "indicator_rules.qualitative must be set");
    }
    if (required && rules.missing_value() == v1::MISSING_VALUE_POLICY_UNSPECIFIED) {
      Add(path, "indicator_rules.missing_value must be set");
    }
  }

  void CheckGradeBands() {
    if (scheme_.grade_bands().empty()) {
      Add({}, "grade_bands must be listed");
      return;
    }
    bool covers_zero = false;
    std::set<double> bounds;
    for (int i = 0; i < scheme_.grade_bands_size(); ++i) {
      const v1::GradeBand& band = scheme_.grade_bands(i);
      const FieldPath path = Path(v1::Scheme::kGradeBandsFieldNumber, i);
      if (band.grade().empty()) Add(path, "a grade band needs a grade");
      if (band.colour() == v1::COLOUR_UNSPECIFIED) Add(path, "a grade band needs a colour");
      if (!bounds.insert(band.min_score()).second) {
        Add(path, absl::StrCat("two grade bands start at ", Num(band.min_score())));
      }
      if (band.min_score() <= 0) covers_zero = true;
    }
    if (!covers_zero) {
      Add(Path(v1::Scheme::kGradeBandsFieldNumber, 0),
          "grade bands must include one with min_score 0 so that every score has a grade");
    }
  }

  void CheckExecution(const v1::SchemeItem& item, const FieldPath& path) {
    const Descriptor* d = v1::SchemeItem::descriptor();
    const FieldPath execution = With(path, d, v1::SchemeItem::kExecutionFieldNumber);
    if (!IsExecutionSource(item.source())) {
      if (item.has_execution()) Add(execution, "execution applies only to execution items");
      return;
    }
    const v1::ExecutionRule& rule = item.execution();
    if (rule.has_rate()) {
      if (rule.curve() != v1::EXECUTION_CURVE_UNSPECIFIED || !rule.steps().empty()) {
        Add(execution, "set execution.rate or the older curve and steps, not both");
      }
      CheckCurve(
          true, rule.rate(),
          With(execution, v1::ExecutionRule::descriptor(), v1::ExecutionRule::kRateFieldNumber),
          "execution.rate");
      return;
    }
    if (rule.curve() == v1::EXECUTION_CURVE_UNSPECIFIED) {
      Add(execution,
          absl::StrCat("item ", item.code(), " needs execution.rate (or execution.curve)"));
    }
    if (rule.curve() == v1::EXECUTION_CURVE_STEPWISE && rule.steps().empty()) {
      Add(execution, "EXECUTION_CURVE_STEPWISE needs steps");
    }
    if (rule.curve() != v1::EXECUTION_CURVE_STEPWISE && !rule.steps().empty()) {
      Add(execution, "execution steps apply only to EXECUTION_CURVE_STEPWISE");
    }
    for (int i = 0; i < rule.steps_size(); ++i) {
      const FieldPath step =
          With(execution, v1::ExecutionRule::descriptor(), v1::ExecutionRule::kStepsFieldNumber, i);
      if (rule.steps(i).fraction() < 0 || rule.steps(i).fraction() > 1) {
        Add(step, "execution steps: fraction is not within 0..1");
      }
      if (i > 0 && (rule.steps(i).min_percent() <= rule.steps(i - 1).min_percent() ||
                    rule.steps(i).fraction() < rule.steps(i - 1).fraction())) {
        Add(step, "execution steps must rise in min_percent and never fall in fraction");
      }
    }
  }

  void CheckIndicatorSelection(const v1::SchemeItem& item, const FieldPath& path) {
    const Descriptor* d = v1::SchemeItem::descriptor();
    if (item.source() != v1::ITEM_SOURCE_INDICATORS) {
      if (!item.level1_codes().empty()) {
        Add(With(path, d, v1::SchemeItem::kLevel1CodesFieldNumber, 0),
            "level1_codes apply only to ITEM_SOURCE_INDICATORS items");
      }
      if (!item.select().empty()) {
        Add(With(path, d, v1::SchemeItem::kSelectFieldNumber, 0),
            "select applies only to ITEM_SOURCE_INDICATORS items");
      }
      if (item.row_weights() != v1::ROW_WEIGHTS_UNSPECIFIED) {
        Add(With(path, d, v1::SchemeItem::kRowWeightsFieldNumber),
            "row_weights apply only to ITEM_SOURCE_INDICATORS items");
      }
    } else if (item.level1_codes().empty() && item.select().empty()) {
      Add(path, absl::StrCat("item ", item.code(),
                             " takes indicators but has no select (or level1_codes)"));
    }
    for (int i = 0; i < item.select_size(); ++i) {
      const v1::IndicatorSelector& selector = item.select(i);
      const FieldPath select_path = With(path, d, v1::SchemeItem::kSelectFieldNumber, i);
      const int set = !selector.level1().empty() + !selector.level2().empty() +
                      !selector.level3().empty() + !selector.indicator_id().empty() +
                      !selector.tag().empty();
      if (set != 1) {
        Add(select_path,
            "a selector sets exactly one of level1, level2, level3, indicator_id, tag");
      }
      const std::string& level1 = selector.level1();
      if (!level1.empty() && level1[0] >= '0' && level1[0] <= '9' && !IsKnownLevel1Code(level1)) {
        Add(select_path, absl::StrCat("unknown level-1 code \"", level1,
                                      "\" (1 产出, 2 效益, 3 满意度, 4 成本)"));
      }
    }
    for (int i = 0; i < item.level1_codes_size(); ++i) {
      if (!IsKnownLevel1Code(item.level1_codes(i))) {
        Add(With(path, d, v1::SchemeItem::kLevel1CodesFieldNumber, i),
            absl::StrCat("unknown level-1 code \"", item.level1_codes(i),
                         "\" (1 产出, 2 效益, 3 满意度, 4 成本)"));
      }
    }
    const FieldPath rules = With(path, d, v1::SchemeItem::kIndicatorRulesFieldNumber);
    if (item.has_indicator_rules()) {
      if (!TakesIndicatorRules(item.source())) {
        Add(rules, "indicator_rules apply only to items scored from indicators");
      }
      CheckIndicatorRules(item.indicator_rules(), rules, /*required=*/false);
      // What the item scores with is the merge: its steps must fit the inherited curve.
      const v1::IndicatorRules merged =
          MergeIndicatorRules(scheme_.indicator_rules(), item.indicator_rules());
      const bool stepwise = merged.curve() == v1::COMPLETION_CURVE_STEPWISE;
      if (!merged.has_completion() && stepwise == merged.steps().empty()) {
        Add(rules, stepwise ? "the item's curve is COMPLETION_CURVE_STEPWISE but it has no steps"
                            : "the item's steps need COMPLETION_CURVE_STEPWISE");
      }
    }
  }

  void CheckSubItems(const v1::SchemeItem& item, const FieldPath& path,
                     std::set<std::string>& codes) {
    const Descriptor* d = v1::SchemeItem::descriptor();
    const bool recomputed = item.source() == v1::ITEM_SOURCE_SUB_ITEMS;
    if (recomputed && item.sub_items().empty()) {
      Add(path, absl::StrCat("item ", item.code(), " is scored from sub-items but has none"));
    }
    if (item.aggregate() != v1::AGGREGATE_UNSPECIFIED && !recomputed && !item.yearly()) {
      Add(With(path, d, v1::SchemeItem::kAggregateFieldNumber),
          "aggregate applies only to ITEM_SOURCE_SUB_ITEMS items and yearly execution items");
    }
    if (item.equal_shares() && !recomputed) {
      Add(With(path, d, v1::SchemeItem::kEqualSharesFieldNumber),
          "equal_shares applies only to ITEM_SOURCE_SUB_ITEMS items");
    }
    if (item.sub_items().empty()) return;
    if (!HasSubItems(item.source())) {
      Add(With(path, d, v1::SchemeItem::kSubItemsFieldNumber, 0),
          "sub_items apply only to ITEM_SOURCE_DECLARED and ITEM_SOURCE_SUB_ITEMS items");
    }
    // MEAN and MIN read each sub-item as a share of the item's max; so does an
    // equal split. The others give each sub-item a max of its own.
    const bool shares_only =
        recomputed && (item.equal_shares() || item.aggregate() == v1::AGGREGATE_MEAN ||
                       item.aggregate() == v1::AGGREGATE_MIN);
    double sum = 0;
    for (int i = 0; i < item.sub_items_size(); ++i) {
      const v1::SchemeItem& sub = item.sub_items(i);
      const FieldPath sub_path = With(path, d, v1::SchemeItem::kSubItemsFieldNumber, i);
      if (!recomputed && sub.source() != v1::ITEM_SOURCE_UNSPECIFIED &&
          sub.source() != v1::ITEM_SOURCE_DECLARED) {
        Add(With(sub_path, d, v1::SchemeItem::kSourceFieldNumber),
            "a sub-item is declared by the report: its source may only be ITEM_SOURCE_DECLARED");
      }
      if (recomputed) {
        if (sub.source() == v1::ITEM_SOURCE_UNSPECIFIED ||
            sub.source() == v1::ITEM_SOURCE_SUB_ITEMS) {
          Add(With(sub_path, d, v1::SchemeItem::kSourceFieldNumber),
              "a recomputed sub-item needs a source of its own (not ITEM_SOURCE_SUB_ITEMS)");
        }
        CheckIndicatorSelection(sub, sub_path);
        CheckExecution(sub, sub_path);
        CheckAbsent(sub, sub_path, codes);
      }
      if (!sub.sub_items().empty() && sub.source() != v1::ITEM_SOURCE_DECLARED) {
        Add(sub_path, "sub-items may not have sub-items of their own");
      }
      CheckCode(sub.code(), item.code(), sub_path, codes);
      if (shares_only) {
        if (sub.max() != 0) {
          Add(With(sub_path, d, v1::SchemeItem::kMaxFieldNumber),
              "with equal_shares, AGGREGATE_MEAN or AGGREGATE_MIN a sub-item takes its share of "
              "the item's max: leave its max unset");
        }
        continue;
      }
      CheckMax(sub.max(), sub_path, d);
      sum += sub.max();
    }
    if (!shares_only && std::abs(sum - item.max()) > kWeightTolerance) {
      Add(With(path, d, v1::SchemeItem::kMaxFieldNumber),
          absl::StrCat("sub-items of ", item.code(), " add up to ", Num(sum), ", not its max ",
                       Num(item.max())));
    }
  }

  // Codes nest: "effectiveness" → "effectiveness.output" →
  // "management.procurement.contract_filing".
  void CheckCode(const std::string& code, const std::string& parent, const FieldPath& path,
                 std::set<std::string>& codes) {
    if (code.empty()) {
      Add(path, "missing code");
      return;
    }
    if (!absl::StartsWith(code, absl::StrCat(parent, "."))) {
      Add(path, absl::StrCat("code \"", code, "\" must start with \"", parent, ".\""));
    }
    if (!codes.insert(code).second) Add(path, absl::StrCat("duplicate code \"", code, "\""));
  }

  // A max must be positive and a whole number of rounding units (0.5 with two
  // decimals, not 0.005): shares of it are handed out in those units.
  void CheckMax(double max, const FieldPath& path, const Descriptor* d) {
    const FieldPath max_path = With(path, d, d->FindFieldByName("max")->number());
    if (max <= 0) {
      Add(max_path, "max must be greater than 0");
      return;
    }
    const int decimals = scheme_.rounding_decimals();
    if (decimals < 1 || decimals > 6) return;  // reported on its own
    const double units = max * std::pow(10.0, decimals);
    if (std::abs(units - std::round(units)) > kWeightTolerance) {
      Add(max_path,
          absl::StrCat("max ", Num(max), " has more decimals than rounding_decimals ", decimals));
    }
  }

  void CheckItem(const v1::SchemeItem& item, const std::string& group_code, const FieldPath& path,
                 std::set<std::string>& codes) {
    const Descriptor* d = v1::SchemeItem::descriptor();
    CheckCode(item.code(), group_code, path, codes);
    CheckMax(item.max(), path, d);
    CheckAbsent(item, path, codes);
    if (item.source() == v1::ITEM_SOURCE_UNSPECIFIED) {
      Add(path, absl::StrCat("item ", item.code(), " needs a source"));
    }
    CheckIndicatorSelection(item, path);
    CheckExecution(item, path);
    CheckSubItems(item, path, codes);
    if (item.yearly() && item.source() != v1::ITEM_SOURCE_BUDGET_EXECUTION) {
      Add(With(path, d, v1::SchemeItem::kYearlyFieldNumber),
          "yearly applies only to ITEM_SOURCE_BUDGET_EXECUTION items");
    }
  }

  // The policy's settings; where `absent_to` points is checked per effective
  // scheme (CheckAbsentTargets), since a variant may redefine the target.
  void CheckAbsent(const v1::SchemeItem& item, const FieldPath& path, std::set<std::string>&) {
    const Descriptor* d = v1::SchemeItem::descriptor();
    const FieldPath absent = With(path, d, v1::SchemeItem::kAbsentFieldNumber);
    if (item.absent() != v1::ABSENT_POLICY_UNSPECIFIED &&
        item.source() != v1::ITEM_SOURCE_INDICATORS &&
        item.source() != v1::ITEM_SOURCE_BUDGET_EXECUTION) {
      Add(absent, "absent applies only to indicator and budget-execution items");
    }
    if ((item.absent() == v1::ABSENT_POLICY_MOVE) == item.absent_to().empty()) {
      Add(With(path, d, v1::SchemeItem::kAbsentToFieldNumber),
          item.absent_to().empty() ? "ABSENT_POLICY_MOVE needs absent_to: the item that takes "
                                     "the points"
                                   : "absent_to applies only to ABSENT_POLICY_MOVE");
    }
  }

  void CheckGroup(const v1::SchemeGroup& group, const FieldPath& path,
                  std::set<std::string>& codes) {
    const Descriptor* d = v1::SchemeGroup::descriptor();
    if (group.code().empty()) {
      Add(path, "missing group code");
    } else if (!codes.insert(group.code()).second) {
      Add(path, absl::StrCat("duplicate code \"", group.code(), "\""));
    }
    CheckMax(group.max(), path, d);
    if (group.items().empty()) {
      Add(path, absl::StrCat("group ", group.code(), " has no items"));
      return;
    }
    double sum = 0;
    for (int i = 0; i < group.items_size(); ++i) {
      CheckItem(group.items(i), group.code(), With(path, d, v1::SchemeGroup::kItemsFieldNumber, i),
                codes);
      sum += group.items(i).max();
    }
    if (std::abs(sum - group.max()) > kWeightTolerance) {
      Add(With(path, d, v1::SchemeGroup::kMaxFieldNumber),
          absl::StrCat("items of group ", group.code(), " add up to ", Num(sum), ", not its max ",
                       Num(group.max())));
    }
  }

  // Every item code of the effective groups, sub-items included.
  static void CollectCodes(const google::protobuf::RepeatedPtrField<v1::SchemeItem>& items,
                           std::vector<std::string>& codes) {
    for (const v1::SchemeItem& item : items) {
      codes.push_back(item.code());
      CollectCodes(item.sub_items(), codes);
    }
  }

  static void CollectIndicatorItems(const google::protobuf::RepeatedPtrField<v1::SchemeItem>& items,
                                    std::vector<const v1::SchemeItem*>& out) {
    for (const v1::SchemeItem& item : items) {
      if (item.source() == v1::ITEM_SOURCE_INDICATORS) out.push_back(&item);
      CollectIndicatorItems(item.sub_items(), out);
    }
  }

  // What two items of one effective scheme may not share: an indicator they
  // would both score. Selections by level-1 and level-2 class, name, id and tag
  // are compared; a level-2 class lies within its level-1 class.
  void CheckOverlaps(const std::vector<const v1::SchemeItem*>& items, const FieldPath& path,
                     absl::string_view where) {
    struct Key {
      std::string kind;
      std::string value;
      const v1::SchemeItem* item;
    };
    std::vector<Key> keys;
    for (const v1::SchemeItem* item : items) {
      const IndicatorSelection selection = CompileSelection(*item);
      for (const std::string& code : selection.level1_codes) keys.push_back({"level1", code, item});
      for (const std::string& name : selection.level1_names) {
        keys.push_back({"level1 name", name, item});
      }
      for (const std::string& code : selection.level2_codes) keys.push_back({"level2", code, item});
      for (const std::string& name : selection.level2_names) {
        keys.push_back({"level2 name", name, item});
      }
      for (const std::string& name : selection.level3_names) keys.push_back({"level3", name, item});
      for (const std::string& id : selection.indicator_ids) {
        keys.push_back({"indicator_id", id, item});
      }
      for (const std::string& tag : selection.tags) keys.push_back({"tag", tag, item});
    }
    std::set<std::pair<const v1::SchemeItem*, const v1::SchemeItem*>> reported;
    for (size_t a = 0; a < keys.size(); ++a) {
      for (size_t b = 0; b < keys.size(); ++b) {
        if (keys[a].item == keys[b].item) continue;
        const bool same = keys[a].kind == keys[b].kind && keys[a].value == keys[b].value;
        const bool within = keys[a].kind == "level1" && keys[b].kind == "level2" &&
                            absl::StartsWith(keys[b].value, keys[a].value);
        if (!(same && a < b) && !within) continue;
        if (!reported.insert({keys[a].item, keys[b].item}).second) continue;
        Add(path, absl::StrCat(where, "items ", keys[a].item->code(), " and ", keys[b].item->code(),
                               " both select ", keys[b].kind, " \"", keys[b].value,
                               "\": an indicator would count twice"));
      }
    }
  }

  // absent_to names another item of the same effective scheme.
  void CheckAbsentTargets(const std::vector<const v1::SchemeGroup*>& groups, const FieldPath& path,
                          absl::string_view where) {
    std::vector<std::string> codes;
    for (const v1::SchemeGroup* group : groups) CollectCodes(group->items(), codes);
    for (const v1::SchemeGroup* group : groups) {
      for (const v1::SchemeItem& item : group->items()) {
        if (item.absent_to().empty()) continue;
        const bool known = std::find(codes.begin(), codes.end(), item.absent_to()) != codes.end();
        if (item.absent_to() == item.code()) {
          Add(path, absl::StrCat(where, "item ", item.code(), " moves its points to itself"));
        } else if (!known) {
          Add(path, absl::StrCat(where, "item ", item.code(), ": absent_to \"", item.absent_to(),
                                 "\" is no item", DidYouMean(item.absent_to(), codes)));
        }
      }
    }
  }

  void CheckEffective(const std::vector<const v1::SchemeGroup*>& groups, const FieldPath& path,
                      absl::string_view where) {
    std::vector<const v1::SchemeItem*> indicator_items;
    for (const v1::SchemeGroup* group : groups) {
      CollectIndicatorItems(group->items(), indicator_items);
    }
    CheckOverlaps(indicator_items, path, where);
    CheckAbsentTargets(groups, path, where);
  }

  void CheckBaseGroups() {
    if (scheme_.groups().empty()) {
      Add({}, "a scheme needs groups");
      return;
    }
    std::set<std::string> codes;
    for (int i = 0; i < scheme_.groups_size(); ++i) {
      CheckGroup(scheme_.groups(i), Path(v1::Scheme::kGroupsFieldNumber, i), codes);
    }
    CheckEffective(EffectiveGroups(scheme_, nullptr), Path(v1::Scheme::kGroupsFieldNumber, 0), "");
    const double total = GroupsTotal(EffectiveGroups(scheme_, nullptr));
    if (std::abs(total - kSchemeTotal) > kWeightTolerance) {
      Add(Path(v1::Scheme::kGroupsFieldNumber, 0),
          absl::StrCat("groups add up to ", Num(total), ", not ", Num(kSchemeTotal)));
    }
  }

  void CheckVariant(const v1::SchemeVariant& variant, const FieldPath& path) {
    const Descriptor* d = v1::SchemeVariant::descriptor();
    if (absl::StatusOr<VariantCondition> condition = ParseVariantCondition(variant.when());
        !condition.ok()) {
      Add(With(path, d, v1::SchemeVariant::kWhenFieldNumber),
          std::string(condition.status().message()));
    }
    if (variant.groups().empty()) {
      Add(path, absl::StrCat("variant ", variant.code(), " changes no group"));
      return;
    }
    std::set<std::string> codes;
    for (int i = 0; i < variant.groups_size(); ++i) {
      CheckGroup(variant.groups(i), With(path, d, v1::SchemeVariant::kGroupsFieldNumber, i), codes);
    }
    // Item codes must also be unique across the groups the variant keeps.
    std::set<std::string> effective_codes;
    for (const v1::SchemeGroup* group : EffectiveGroups(scheme_, &variant)) {
      for (const v1::SchemeItem& item : group->items()) {
        if (!effective_codes.insert(item.code()).second) {
          Add(path,
              absl::StrCat("variant ", variant.code(), " scores item ", item.code(), " twice"));
        }
      }
    }
    CheckEffective(EffectiveGroups(scheme_, &variant), path,
                   absl::StrCat("with variant ", variant.code(), ": "));
    const double total = GroupsTotal(EffectiveGroups(scheme_, &variant));
    if (std::abs(total - kSchemeTotal) > kWeightTolerance) {
      Add(path, absl::StrCat("with variant ", variant.code(), " the groups add up to ", Num(total),
                             ", not ", Num(kSchemeTotal)));
    }
  }

  void CheckVariants() {
    std::set<std::string> codes;
    for (int i = 0; i < scheme_.variants_size(); ++i) {
      const v1::SchemeVariant& variant = scheme_.variants(i);
      const FieldPath path = Path(v1::Scheme::kVariantsFieldNumber, i);
      if (variant.code().empty()) {
        Add(path, "missing variant code");
      } else if (!codes.insert(variant.code()).second) {
        Add(path, absl::StrCat("duplicate variant code \"", variant.code(), "\""));
      }
      CheckVariant(variant, path);
    }
  }

  const v1::Scheme& scheme_;
  std::vector<SchemeIssue> issues_;
};

}  // namespace

std::vector<SchemeIssue> ValidateScheme(const v1::Scheme& scheme) {
  return SchemeValidator(scheme).Run();
}

}  // namespace jixiao::scoring
