#include "services/scoring/scheme/prepared_scheme.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "services/scoring/scheme/effective_groups.h"
#include "services/scoring/scheme/effective_rules.h"
#include "services/scoring/scheme/scheme_validator.h"

namespace jixiao::scoring {

struct PreparedScheme::State {
  explicit State(v1::Scheme prepared) : scheme(std::move(prepared)) {}

  // What an item or sub-item of the scheme scores with.
  struct Item {
    int code_number = 0;
    // Items scored from indicators: the scheme's rules merged with the item's,
    // curves resolved.
    std::optional<v1::IndicatorRules> indicator_rules;
    // Execution items: the resolved curve.
    std::optional<v1::Curve> execution_curve;
    IndicatorSelection selection;
  };

  // Validation has resolved every curve already; a failure here is a broken invariant.
  void AddItems(const google::protobuf::RepeatedPtrField<v1::SchemeItem>& list) {
    for (const v1::SchemeItem& item : list) {
      Item& prepared = items[&item];
      // A variant that redefines a group repeats its codes: one number per code.
      prepared.code_number =
          code_numbers.try_emplace(item.code(), static_cast<int>(code_numbers.size()))
              .first->second;
      if (item.source() == v1::ITEM_SOURCE_INDICATORS ||
          item.source() == v1::ITEM_SOURCE_SPECIAL_FUND_PERFORMANCE) {
        absl::StatusOr<v1::IndicatorRules> rules =
            ResolveIndicatorRules(scheme.indicator_rules(), item.indicator_rules());
        prepared.indicator_rules = rules.ok() ? *std::move(rules) : scheme_rules;
      }
      if (item.source() == v1::ITEM_SOURCE_INDICATORS) prepared.selection = CompileSelection(item);
      if (item.source() == v1::ITEM_SOURCE_BUDGET_EXECUTION ||
          item.source() == v1::ITEM_SOURCE_SPECIAL_FUND_EXECUTION) {
        absl::StatusOr<v1::Curve> curve = ResolveExecutionCurve(item.execution());
        prepared.execution_curve = curve.ok() ? *std::move(curve) : v1::Curve();
      }
      AddItems(item.sub_items());
    }
  }

  // Everything below points into `scheme`, which never moves: State lives on
  // the heap, behind a shared pointer, from construction on.
  const v1::Scheme scheme;
  // The scheme-level rules, curves resolved: what an item that takes no
  // indicators would score with.
  v1::IndicatorRules scheme_rules;
  v1::Curve no_curve;
  IndicatorSelection no_selection;
  // By variant, in scheme order.
  std::vector<VariantCondition> conditions;
  // [0]: the base; [1 + i]: scheme.variants(i).
  std::vector<EffectiveScheme> effective;
  absl::flat_hash_map<const v1::SchemeItem*, Item> items;
  absl::flat_hash_map<absl::string_view, int> code_numbers;
};

namespace {

void AddIndicatorItems(const google::protobuf::RepeatedPtrField<v1::SchemeItem>& items,
                       EffectiveScheme& effective) {
  for (const v1::SchemeItem& item : items) {
    if (item.source() == v1::ITEM_SOURCE_INDICATORS) {
      effective.indicator_item_codes.push_back(item.code());
      effective.indicator_items.push_back(&item);
    }
    AddIndicatorItems(item.sub_items(), effective);
  }
}

EffectiveScheme MakeEffective(const v1::Scheme& scheme, const v1::SchemeVariant* variant) {
  EffectiveScheme effective;
  effective.variant = variant;
  effective.groups = EffectiveGroups(scheme, variant);
  for (const v1::SchemeGroup* group : effective.groups)
    AddIndicatorItems(group->items(), effective);
  return effective;
}

}  // namespace

PreparedScheme::PreparedScheme(std::shared_ptr<const State> state) : state_(std::move(state)) {}

absl::StatusOr<PreparedScheme> PreparedScheme::Prepare(v1::Scheme scheme) {
  const std::vector<SchemeIssue> issues = ValidateScheme(scheme);
  if (!issues.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("scheme ", scheme.id(), " v", scheme.version(),
                                                   " is not valid: ", issues.front().reason));
  }
  auto state = std::make_shared<State>(std::move(scheme));
  const v1::Scheme& prepared = state->scheme;
  absl::StatusOr<v1::IndicatorRules> scheme_rules =
      ResolveIndicatorRules(prepared.indicator_rules(), v1::IndicatorRules());
  if (!scheme_rules.ok()) return scheme_rules.status();
  state->scheme_rules = *std::move(scheme_rules);
  state->effective.push_back(MakeEffective(prepared, nullptr));
  for (const v1::SchemeGroup& group : prepared.groups()) state->AddItems(group.items());
  for (const v1::SchemeVariant& variant : prepared.variants()) {
    state->effective.push_back(MakeEffective(prepared, &variant));
    for (const v1::SchemeGroup& group : variant.groups()) state->AddItems(group.items());
    absl::StatusOr<VariantCondition> condition = ParseVariantCondition(variant.when());
    if (!condition.ok()) return condition.status();
    state->conditions.push_back(*std::move(condition));
  }
  return PreparedScheme(std::move(state));
}

const v1::Scheme& PreparedScheme::scheme() const { return state_->scheme; }

const EffectiveScheme& PreparedScheme::Effective(const v1::SchemeVariant* variant) const {
  for (const EffectiveScheme& effective : state_->effective) {
    if (effective.variant == variant) return effective;
  }
  return state_->effective.front();  // a variant of another scheme: never handed in
}

const v1::IndicatorRules& PreparedScheme::IndicatorRulesFor(const v1::SchemeItem& item) const {
  const auto it = state_->items.find(&item);
  if (it == state_->items.end() || !it->second.indicator_rules.has_value()) {
    return state_->scheme_rules;  // not an indicator item of this scheme
  }
  return *it->second.indicator_rules;
}

const v1::Curve& PreparedScheme::ExecutionCurveFor(const v1::SchemeItem& item) const {
  const auto it = state_->items.find(&item);
  if (it == state_->items.end() || !it->second.execution_curve.has_value()) {
    return state_->no_curve;  // not an execution item of this scheme
  }
  return *it->second.execution_curve;
}

const IndicatorSelection& PreparedScheme::SelectionFor(const v1::SchemeItem& item) const {
  const auto it = state_->items.find(&item);
  return it == state_->items.end() ? state_->no_selection : it->second.selection;
}

const VariantCondition& PreparedScheme::ConditionOf(const v1::SchemeVariant& variant) const {
  const v1::Scheme& scheme = state_->scheme;
  for (int i = 0; i < scheme.variants_size(); ++i) {
    if (&scheme.variants(i) == &variant) return state_->conditions[i];
  }
  static const VariantCondition* const never = new VariantCondition();
  return *never;  // a variant of another scheme: never handed in
}

int PreparedScheme::item_code_count() const {
  return static_cast<int>(state_->code_numbers.size());
}

int PreparedScheme::ItemCodeNumber(const v1::SchemeItem& item) const {
  const auto it = state_->items.find(&item);
  return it == state_->items.end() ? ItemCodeNumber(item.code()) : it->second.code_number;
}

int PreparedScheme::ItemCodeNumber(absl::string_view code) const {
  const auto it = state_->code_numbers.find(code);
  return it == state_->code_numbers.end() ? -1 : it->second;
}

}  // namespace jixiao::scoring
