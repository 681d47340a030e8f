#include "services/scoring/engine/group_scoring.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "services/scoring/engine/declared_item.h"
#include "services/scoring/engine/declared_lookup.h"
#include "services/scoring/engine/execution_item.h"
#include "services/scoring/engine/findings.h"
#include "services/scoring/engine/indicator_item.h"
#include "services/scoring/engine/number_text.h"
#include "services/scoring/engine/reason_codes.h"
#include "services/scoring/engine/rounding.h"
#include "services/scoring/engine/special_fund_item.h"

namespace jixiao::scoring {
namespace {

std::string MissingEntry(const std::string& name, const std::string& code,
                         const std::string& note) {
  return absl::StrCat(name, " (", code, "): ", note);
}

// Every item is missing but the report declares the group's subtotal: one
// declared line for the group stands in for its items.
void UseDeclaredSubtotal(const ScoringContext& context, const v1::SchemeGroup& group,
                         double subtotal, GroupScore& score) {
  v1::ScoreGroup& out = score.group;
  out.clear_lines();
  v1::ScoreLine& line = *out.add_lines();
  line.set_item_code(group.code());
  line.set_name(group.name());
  line.set_max(group.max());
  const double points = RoundTo(std::clamp(subtotal, 0.0, group.max()), context.decimals);
  line.set_points(points);
  line.set_declared_points(subtotal);
  line.set_provenance(v1::PROVENANCE_DECLARED);
  line.set_rule("declared");
  line.set_reason_code(std::string(reason::kDeclaredGroup));
  line.set_explanation(absl::StrCat("报告未给出", group.name(), "各项得分，仅给出合计 ",
                                    FormatNumber(subtotal), "/", FormatNumber(group.max()),
                                    " 分，按申报计入"));
}

void AddIncomplete(const std::string& code, const std::string& entry, GroupScore& score) {
  score.missing.push_back(entry);
  score.findings.push_back(MakeFinding(finding::kScoreIncomplete, v1::SEVERITY_WARNING, code,
                                       absl::StrCat("not scored: ", entry)));
}

}  // namespace

ItemScore ScoreItem(const ScoringContext& context, const v1::SchemeItem& item) {
  switch (item.source()) {
    case v1::ITEM_SOURCE_INDICATORS:
      return ScoreIndicatorItem(context, item);
    case v1::ITEM_SOURCE_BUDGET_EXECUTION:
      return ScoreBudgetExecutionItem(context, item);
    case v1::ITEM_SOURCE_SPECIAL_FUND_PERFORMANCE:
      return ScoreSpecialFundPerformanceItem(context, item);
    case v1::ITEM_SOURCE_SPECIAL_FUND_EXECUTION:
      return ScoreSpecialFundExecutionItem(context, item);
    default:
      return ScoreDeclaredItem(context, item);
  }
}

GroupScore ScoreSchemeGroup(const ScoringContext& context, const v1::SchemeGroup& group) {
  GroupScore score;
  v1::ScoreGroup& out = score.group;
  out.set_code(group.code());
  out.set_name(group.name());
  out.set_max(group.max());
  if (const v1::DeclaredSubtotal* subtotal = FindDeclaredSubtotal(context.report, group.code());
      subtotal != nullptr && subtotal->has_score()) {
    out.set_declared_points(subtotal->score());
  }

  std::vector<std::pair<const v1::SchemeItem*, std::string>> missing_items;
  for (const v1::SchemeItem& item : group.items()) {
    ItemScore item_score = ScoreItem(context, item);
    if (item.source() == v1::ITEM_SOURCE_INDICATORS)
      score.indicator_item_codes.push_back(item.code());
    if (item_score.execution_rate_percent.has_value() &&
        item.source() == v1::ITEM_SOURCE_BUDGET_EXECUTION) {
      score.execution_rate_percent = item_score.execution_rate_percent;
    }
    if (item_score.missing) missing_items.emplace_back(&item, item_score.missing_note);
    *out.add_lines() = std::move(item_score.line);
    AppendFindings(score.findings, std::move(item_score.findings));
    score.outcomes.insert(score.outcomes.end(), item_score.outcomes.begin(),
                          item_score.outcomes.end());
  }

  const bool all_missing = static_cast<int>(missing_items.size()) == group.items_size();
  if (all_missing && out.has_declared_points()) {
    UseDeclaredSubtotal(context, group, out.declared_points(), score);
  } else if (all_missing) {
    AddIncomplete(group.code(),
                  MissingEntry(group.name(), group.code(),
                               absl::StrCat("报告未给出", group.name(), "各项得分")),
                  score);
  } else {
    for (const auto& [item, note] : missing_items) {
      AddIncomplete(item->code(), MissingEntry(item->name(), item->code(), note), score);
    }
  }

  double sum = 0;
  for (const v1::ScoreLine& line : out.lines()) sum += line.points();
  out.set_points(std::min(RoundTo(sum, context.decimals), group.max()));
  return score;
}

}  // namespace jixiao::scoring
