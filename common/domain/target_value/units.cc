#include "common/domain/target_value/units.h"

#include <iterator>
#include <string>

#include "common/domain/target_value/value_text.h"
#include "common/utf8/utf8.h"

namespace jixiao::target_value {
namespace {

struct Unit {
  std::u32string_view printed;
  std::u32string_view normalized;  // Empty: the unit is normalized as printed.
  bool is_duration = false;
};

// Units seen in departments' target tables and self-evaluations, and their near kin.
constexpr Unit kUnits[] = {
    // Counts of events, visits and people.
    {U"个", U""},
    {U"家", U""},
    {U"家次", U""},
    {U"家(次)", U"家次"},
    {U"次", U""},
    {U"场", U""},
    {U"场次", U""},
    {U"批", U""},
    {U"批次", U""},
    {U"人", U""},
    {U"人次", U""},
    {U"人(次)", U"人次"},
    {U"户", U""},
    {U"户次", U""},
    {U"名", U""},
    {U"位", U""},
    {U"期", U""},
    {U"轮", U""},
    {U"班", U""},
    {U"班次", U""},
    {U"车次", U""},
    {U"架次", U""},
    {U"篇次", U""},
    {U"份次", U""},
    {U"课时", U""},
    {U"学时", U""},
    {U"起", U""},
    {U"宗", U""},
    {U"单", U""},
    {U"件", U""},
    {U"项", U""},
    {U"类", U""},
    {U"种", U""},
    {U"届", U""},
    {U"支", U""},
    {U"队", U""},
    {U"组", U""},
    // Documents and printed matter.
    {U"条", U""},
    {U"册", U""},
    {U"份", U""},
    {U"本", U""},
    {U"篇", U""},
    {U"张", U""},
    {U"部", U""},
    {U"套", U""},
    {U"版", U""},
    {U"页", U""},
    // Places, buildings, vehicles, goods.
    {U"处", U""},
    {U"所", U""},
    {U"间", U""},
    {U"座", U""},
    {U"栋", U""},
    {U"幢", U""},
    {U"台", U""},
    {U"辆", U""},
    {U"列", U""},
    {U"艘", U""},
    {U"标箱", U""},
    {U"箱", U""},
    {U"床", U""},
    {U"盏", U""},
    {U"棵", U""},
    {U"株", U""},
    {U"头", U""},
    {U"只", U""},
    {U"块", U""},
    // Money, shares, scores.
    {U"元", U""},
    {U"%", U""},
    // "≥100百分比": tables print the word where they mean the sign.
    {U"百分比", U"%"},
    {U"‰", U""},
    {U"百分点", U""},
    {U"个百分点", U"百分点"},
    {U"分", U""},
    {U"倍", U""},
    // Measures.
    {U"亩", U""},
    {U"平方米", U""},
    {U"平方公里", U""},
    {U"立方米", U""},
    {U"公里", U""},
    {U"千米", U"公里"},
    {U"米", U""},
    {U"吨", U""},
    {U"公斤", U""},
    {U"千克", U""},
    {U"克", U""},
    {U"千瓦", U""},
    {U"千瓦时", U""},
    // Durations: a following 内 reads as "within".
    {U"天", U"", true},
    {U"日", U"天", true},
    {U"工作日", U"", true},
    {U"个工作日", U"工作日", true},
    {U"小时", U"", true},
    {U"个小时", U"小时", true},
    {U"分钟", U"", true},
    {U"周", U"", true},
    {U"个月", U"月", true},
    {U"年", U"", true},
};

// What a rate is counted per, besides the units above: "780元/生/年", "5元/月".
constexpr Unit kPerWords[] = {
    {U"生", U""}, {U"学生", U""}, {U"月", U""},   {U"季度", U""},
    {U"校", U""}, {U"村", U""},   {U"学期", U""}, {U"年度", U""},
};

const Unit* LongestAt(std::u32string_view after, const Unit* best, const Unit* begin,
                      const Unit* end) {
  for (const Unit* unit = begin; unit != end; ++unit) {
    if (!StartsWith(after, unit->printed)) continue;
    if (best == nullptr || unit->printed.size() > best->printed.size()) best = unit;
  }
  return best;
}

const Unit* SimpleUnitAt(std::u32string_view after) {
  return LongestAt(after, nullptr, std::begin(kUnits), std::end(kUnits));
}

// What a rate is counted per: a unit, or a word that only follows a '/'.
const Unit* PerWordAt(std::u32string_view after) {
  return LongestAt(after, SimpleUnitAt(after), std::begin(kPerWords), std::end(kPerWords));
}

std::u32string_view Normalized(const Unit& unit) {
  return unit.normalized.empty() ? unit.printed : unit.normalized;
}

}  // namespace

std::optional<UnitMatch> MatchUnit(std::u32string_view after) {
  const Unit* first = SimpleUnitAt(after);
  if (first == nullptr) return std::nullopt;
  std::u32string unit(Normalized(*first));
  size_t length = first->printed.size();
  bool is_duration = first->is_duration;
  // A rate: "元/生/年" is one unit, and the number before it counts 元 per pupil per year.
  while (length + 1 < after.size() && after[length] == U'/') {
    const Unit* per = PerWordAt(after.substr(length + 1));
    if (per == nullptr) break;
    unit.push_back(U'/');
    unit.append(Normalized(*per));
    length += 1 + per->printed.size();
    is_duration = false;  // "元/天内" is not "within so many days"
  }
  return UnitMatch{utf8::EncodeUtf8(unit), length, is_duration};
}

}  // namespace jixiao::target_value
