#include "services/scoring/scheme/indicator_selection_rules.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"

namespace jixiao::scoring {
namespace {

struct Standard {
  absl::string_view name;
  absl::string_view code;
};

constexpr Standard kLevel1[] = {{"产出", "1"}, {"效益", "2"}, {"满意度", "3"}, {"成本", "4"}};
constexpr Standard kLevel2[] = {
    {"数量", "11"},           {"质量", "12"},     {"时效", "13"},     {"成本", "14"},
    {"经济效益", "21"},       {"社会效益", "22"}, {"生态效益", "23"}, {"可持续影响", "24"},
    {"服务对象满意度", "31"}, {"满意度", "31"},   {"经济成本", "41"}, {"社会成本", "42"},
    {"生态环境成本", "43"},
};

template <size_t N>
absl::string_view Lookup(const Standard (&table)[N], absl::string_view name) {
  for (const Standard& entry : table) {
    if (entry.name == name) return entry.code;
  }
  return {};
}

template <typename List>
bool Has(const List& list, absl::string_view value) {
  return !value.empty() && std::find(list.begin(), list.end(), value) != list.end();
}

bool IsCode(absl::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string ClassName(absl::string_view name) {
  std::string text = absl::StrReplaceAll(name, {{" ", ""}, {"\u3000", ""}});
  absl::string_view view = text;
  if (!absl::ConsumeSuffix(&view, "指标")) absl::ConsumeSuffix(&view, "值");
  return std::string(view);
}

absl::string_view StandardLevel1Code(absl::string_view class_name) {
  return Lookup(kLevel1, class_name);
}

absl::string_view StandardLevel2Code(absl::string_view class_name) {
  return Lookup(kLevel2, class_name);
}

bool IndicatorSelection::empty() const {
  return level1_codes.empty() && level1_names.empty() && level2_codes.empty() &&
         level2_names.empty() && level3_names.empty() && indicator_ids.empty() && tags.empty();
}

IndicatorSelection CompileSelection(const v1::SchemeItem& item) {
  IndicatorSelection selection;
  const auto add_class = [](absl::string_view written,
                            absl::string_view (*standard)(absl::string_view),
                            std::vector<std::string>& codes, std::vector<std::string>& names) {
    if (IsCode(written)) {
      codes.emplace_back(written);
      return;
    }
    const std::string name = ClassName(written);
    const absl::string_view code = standard(name);
    if (code.empty()) {
      names.push_back(name);
    } else {
      codes.emplace_back(code);
    }
  };
  for (const std::string& code : item.level1_codes()) {
    add_class(code, StandardLevel1Code, selection.level1_codes, selection.level1_names);
  }
  for (const v1::IndicatorSelector& selector : item.select()) {
    if (!selector.level1().empty()) {
      add_class(selector.level1(), StandardLevel1Code, selection.level1_codes,
                selection.level1_names);
    }
    if (!selector.level2().empty()) {
      add_class(selector.level2(), StandardLevel2Code, selection.level2_codes,
                selection.level2_names);
    }
    if (!selector.level3().empty()) selection.level3_names.push_back(selector.level3());
    if (!selector.indicator_id().empty())
      selection.indicator_ids.push_back(selector.indicator_id());
    if (!selector.tag().empty()) selection.tags.push_back(selector.tag());
  }
  return selection;
}

std::optional<SelectorRank> MatchSelection(const IndicatorSelection& selection,
                                           const v1::Indicator& indicator,
                                           absl::string_view level1_code) {
  if (Has(selection.indicator_ids, indicator.id())) return SelectorRank::kIndicatorId;
  if (Has(selection.level3_names, indicator.name())) return SelectorRank::kLevel3;
  for (const std::string& tag : indicator.tags()) {
    if (Has(selection.tags, tag)) return SelectorRank::kTag;
  }
  if (!selection.level2_codes.empty() || !selection.level2_names.empty()) {
    const std::string level2_name = ClassName(indicator.level2_name());
    absl::string_view level2 = indicator.level2_code();
    if (level2.empty()) level2 = StandardLevel2Code(level2_name);
    if (Has(selection.level2_codes, level2) || Has(selection.level2_names, level2_name)) {
      return SelectorRank::kLevel2;
    }
  }
  if (Has(selection.level1_codes, level1_code)) return SelectorRank::kLevel1;
  if (!selection.level1_names.empty() &&
      Has(selection.level1_names, ClassName(indicator.level1_name()))) {
    return SelectorRank::kLevel1;
  }
  return std::nullopt;
}

}  // namespace jixiao::scoring
