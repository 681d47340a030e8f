#include "services/scoring/engine/declared_item.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "services/scoring/engine/declared_lookup.h"
#include "services/scoring/engine/findings.h"
#include "services/scoring/engine/number_text.h"
#include "services/scoring/engine/reason_codes.h"
#include "services/scoring/engine/rounding.h"

namespace jixiao::scoring {
namespace {

struct SubItems {
  int given = 0;
  double sum = 0;
};

// A sub-line per scheme sub-item the report scores.
SubItems AddDeclaredSubLines(const ScoringContext& context, const v1::SchemeItem& item,
                             ItemScore& score) {
  SubItems sub_items;
  for (const v1::SchemeItem& sub : item.sub_items()) {
    std::optional<AssessedItemRef> assessed = FindAssessedItem(context.report, sub.code());
    if (!assessed.has_value() || !assessed->item->has_declared_score()) continue;
    v1::ScoreLine& line = *score.line.add_sub_lines();
    line.set_item_code(sub.code());
    line.set_name(sub.name());
    line.set_max(sub.max());
    const double points =
        ClampDeclared(context, sub, assessed->item->declared_score(),
                      absl::StrCat(assessed->field_path, ".declared_score"), score.findings);
    line.set_points(points);
    line.set_declared_points(assessed->item->declared_score());
    line.set_provenance(v1::PROVENANCE_DECLARED);
    line.set_rule("declared");
    line.set_reason_code(std::string(reason::kDeclared));
    std::string explanation = absl::StrCat("报告自评 ", FormatNumber(points), "/",
                                           FormatNumber(sub.max()), " 分，按申报计入");
    if (!assessed->item->facts().empty())
      absl::StrAppend(&explanation, "：", assessed->item->facts());
    line.set_explanation(explanation);
    ++sub_items.given;
    sub_items.sum += points;
  }
  return sub_items;
}

void SetDeclaredLine(v1::ScoreLine& line, double points, absl::string_view reason_code,
                     std::string explanation) {
  line.set_points(points);
  line.set_provenance(v1::PROVENANCE_DECLARED);
  line.set_rule("declared");
  line.set_reason_code(std::string(reason_code));
  line.set_explanation(std::move(explanation));
}

}  // namespace

ItemScore ScoreDeclaredItem(const ScoringContext& context, const v1::SchemeItem& item) {
  ItemScore score;
  score.line = StartItemLine(context, item);
  const SubItems sub_items = AddDeclaredSubLines(context, item, score);
  const double sub_sum = RoundTo(sub_items.sum, context.decimals);
  const bool all_sub_items = !item.sub_items().empty() && sub_items.given == item.sub_items_size();
  std::optional<AssessedItemRef> assessed = FindAssessedItem(context.report, item.code());
  const std::string max = FormatNumber(item.max());

  if (assessed.has_value() && assessed->item->has_declared_score()) {
    const std::string path = absl::StrCat(assessed->field_path, ".declared_score");
    const double points =
        ClampDeclared(context, item, assessed->item->declared_score(), path, score.findings);
    if (all_sub_items && !SameScore(sub_sum, points, context.decimals)) {
      score.findings.push_back(
          MakeFinding(finding::kDeclaredSumMismatch, v1::SEVERITY_WARNING, path,
                      absl::StrCat("declared ", item.name(), " ", FormatNumber(points),
                                   ", but its sub-items add up to ", FormatNumber(sub_sum))));
    }
    std::string explanation = absl::StrCat("报告自评 ", FormatNumber(points), "/", max,
                                           " 分，按申报计入（该项按报告申报计分，不重算）");
    if (!assessed->item->facts().empty())
      absl::StrAppend(&explanation, "。报告：", assessed->item->facts());
    SetDeclaredLine(score.line, points, reason::kDeclared, std::move(explanation));
    return score;
  }
  if (all_sub_items) {
    SetDeclaredLine(score.line, sub_sum, reason::kDeclared,
                    absl::StrCat("报告逐项给出 ", sub_items.given, " 个子项得分，合计 ",
                                 FormatNumber(sub_sum), "/", max, " 分，按申报计入"));
    return score;
  }
  if (sub_items.given > 0) {
    score.line.set_points(sub_sum);
    score.line.set_provenance(v1::PROVENANCE_MISSING);
    score.line.set_rule("declared");
    score.line.set_reason_code(std::string(reason::kDeclaredPartial));
    score.missing = true;
    score.missing_note = absl::StrCat("报告只给出 ", sub_items.given, "/", item.sub_items_size(),
                                      " 个子项得分，未给出该项合计");
    score.line.set_explanation(absl::StrCat(score.missing_note, "；已给出的子项合计 ",
                                            FormatNumber(sub_sum), " 分，总分不完整"));
    return score;
  }
  return DeclaredOrMissing(context, item, reason::kDeclared, "该项只能按报告申报计分");
}

}  // namespace jixiao::scoring
