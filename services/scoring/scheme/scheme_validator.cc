#include "services/scoring/scheme/scheme_validator.h"

#include <cmath>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "services/scoring/scheme/effective_groups.h"
#include "services/scoring/scheme/effective_rules.h"
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
    if (required && rules.curve() == v1::COMPLETION_CURVE_UNSPECIFIED) {
      Add(path, "indicator_rules.curve must be set");
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
    if (rule.curve() == v1::EXECUTION_CURVE_UNSPECIFIED) {
      Add(execution, absl::StrCat("item ", item.code(), " needs execution.curve"));
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
    } else if (item.level1_codes().empty()) {
      Add(path, absl::StrCat("item ", item.code(), " takes indicators but lists no level1_codes"));
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
      if (stepwise == merged.steps().empty()) {
        Add(rules, stepwise ? "the item's curve is COMPLETION_CURVE_STEPWISE but it has no steps"
                            : "the item's steps need COMPLETION_CURVE_STEPWISE");
      }
    }
  }

  void CheckSubItems(const v1::SchemeItem& item, const FieldPath& path,
                     std::set<std::string>& codes) {
    if (item.sub_items().empty()) return;
    const Descriptor* d = v1::SchemeItem::descriptor();
    if (item.source() != v1::ITEM_SOURCE_DECLARED) {
      Add(With(path, d, v1::SchemeItem::kSubItemsFieldNumber, 0),
          "sub_items apply only to ITEM_SOURCE_DECLARED items");
    }
    double sum = 0;
    for (int i = 0; i < item.sub_items_size(); ++i) {
      const v1::SchemeItem& sub = item.sub_items(i);
      const FieldPath sub_path = With(path, d, v1::SchemeItem::kSubItemsFieldNumber, i);
      if (sub.source() != v1::ITEM_SOURCE_UNSPECIFIED && sub.source() != v1::ITEM_SOURCE_DECLARED) {
        Add(With(sub_path, d, v1::SchemeItem::kSourceFieldNumber),
            "a sub-item is declared by the report: its source may only be ITEM_SOURCE_DECLARED");
      }
      if (!sub.sub_items().empty()) {
        Add(sub_path, "sub-items may not have sub-items of their own");
      }
      CheckCode(sub.code(), item.code(), sub_path, codes);
      CheckMax(sub.max(), sub_path, d);
      sum += sub.max();
    }
    if (std::abs(sum - item.max()) > kWeightTolerance) {
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
    if (item.source() == v1::ITEM_SOURCE_UNSPECIFIED) {
      Add(path, absl::StrCat("item ", item.code(), " needs a source"));
    }
    CheckIndicatorSelection(item, path);
    CheckExecution(item, path);
    CheckSubItems(item, path, codes);
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

  void CheckBaseGroups() {
    if (scheme_.groups().empty()) {
      Add({}, "a scheme needs groups");
      return;
    }
    std::set<std::string> codes;
    for (int i = 0; i < scheme_.groups_size(); ++i) {
      CheckGroup(scheme_.groups(i), Path(v1::Scheme::kGroupsFieldNumber, i), codes);
    }
    const double total = GroupsTotal(EffectiveGroups(scheme_, nullptr));
    if (std::abs(total - kSchemeTotal) > kWeightTolerance) {
      Add(Path(v1::Scheme::kGroupsFieldNumber, 0),
          absl::StrCat("groups add up to ", Num(total), ", not ", Num(kSchemeTotal)));
    }
  }

  void CheckVariant(const v1::SchemeVariant& variant, const FieldPath& path) {
    const Descriptor* d = v1::SchemeVariant::descriptor();
    if (!IsKnownVariantCondition(variant.when())) {
      Add(With(path, d, v1::SchemeVariant::kWhenFieldNumber),
          absl::StrCat("unknown variant condition \"", variant.when(),
                       "\" (known: ", KnownVariantConditionList(), ")"));
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
