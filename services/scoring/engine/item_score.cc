#include "services/scoring/engine/item_score.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "services/scoring/engine/declared_lookup.h"
#include "services/scoring/engine/findings.h"
#include "services/scoring/engine/number_text.h"
#include "services/scoring/engine/reason_codes.h"
#include "services/scoring/engine/rounding.h"

namespace jixiao::scoring {

v1::ScoreLine StartItemLine(const ScoringContext& context, const v1::SchemeItem& item) {
  v1::ScoreLine line;
  line.set_item_code(item.code());
  line.set_name(item.name());
  line.set_max(item.max());
  std::optional<AssessedItemRef> assessed = FindAssessedItem(context.report, item.code());
  if (assessed.has_value() && assessed->item->has_declared_score()) {
    line.set_declared_points(assessed->item->declared_score());
  }
  return line;
}

double ClampDeclared(const ScoringContext& context, const v1::SchemeItem& item, double declared,
                     const std::string& field_path, std::vector<v1::Finding>& findings) {
  if (declared > item.max() || declared < 0) {
    findings.push_back(
        MakeFinding(finding::kDeclaredOutOfRange, v1::SEVERITY_WARNING, field_path,
                    absl::StrCat("declared ", item.name(), " ", FormatNumber(declared),
                                 " is outside 0..", FormatNumber(item.max()), "; counted as ",
                                 FormatNumber(std::clamp(declared, 0.0, item.max())))));
  }
  return RoundTo(std::clamp(declared, 0.0, item.max()), context.decimals);
}

ItemScore DeclaredOrMissing(const ScoringContext& context, const v1::SchemeItem& item,
                            absl::string_view declared_reason, const std::string& why) {
  ItemScore score;
  score.line = StartItemLine(context, item);
  v1::ScoreLine& line = score.line;
  std::optional<AssessedItemRef> assessed = FindAssessedItem(context.report, item.code());
  if (assessed.has_value() && assessed->item->has_declared_score()) {
    const double points =
        ClampDeclared(context, item, assessed->item->declared_score(),
                      absl::StrCat(assessed->field_path, ".declared_score"), score.findings);
    line.set_points(points);
    line.set_provenance(v1::PROVENANCE_DECLARED);
    line.set_rule("declared");
    line.set_reason_code(std::string(declared_reason));
    std::string explanation = absl::StrCat(why, "；按报告自评得分 ", FormatNumber(points),
                                           " 分计入（满分 ", FormatNumber(item.max()), " 分）");
    if (!assessed->item->facts().empty()) {
      absl::StrAppend(&explanation, "。报告：", assessed->item->facts());
    }
    line.set_explanation(explanation);
    return score;
  }
  line.set_points(0);
  line.set_provenance(v1::PROVENANCE_MISSING);
  line.set_rule("missing");
  line.set_reason_code(std::string(reason::kMissing));
  line.set_explanation(absl::StrCat(why, "，报告也未给出该项得分：不计分，总分不完整"));
  score.missing = true;
  score.missing_note = absl::StrCat(why, "，报告也未给出该项得分");
  return score;
}

}  // namespace jixiao::scoring
