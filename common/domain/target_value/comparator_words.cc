#include "common/domain/target_value/comparator_words.h"

#include "common/domain/target_value/value_text.h"

namespace jixiao::target_value {
namespace {

using jixiao::v1::Comparator;

struct ComparatorWord {
  std::u32string_view text;
  Comparator comparator;
};

constexpr ComparatorWord kBefore[] = {
    {U">=", jixiao::v1::COMPARATOR_GE},     {U"<=", jixiao::v1::COMPARATOR_LE},
    {U"=>", jixiao::v1::COMPARATOR_GE},     {U"=<", jixiao::v1::COMPARATOR_LE},
    {U"≥", jixiao::v1::COMPARATOR_GE},      {U"≧", jixiao::v1::COMPARATOR_GE},
    {U"⩾", jixiao::v1::COMPARATOR_GE},      {U"≤", jixiao::v1::COMPARATOR_LE},
    {U"≦", jixiao::v1::COMPARATOR_LE},      {U"⩽", jixiao::v1::COMPARATOR_LE},
    {U">", jixiao::v1::COMPARATOR_GT},      {U"<", jixiao::v1::COMPARATOR_LT},
    {U"=", jixiao::v1::COMPARATOR_EQ},      {U"≈", jixiao::v1::COMPARATOR_APPROX},
    {U"不少于", jixiao::v1::COMPARATOR_GE}, {U"不低于", jixiao::v1::COMPARATOR_GE},
    {U"不小于", jixiao::v1::COMPARATOR_GE}, {U"至少", jixiao::v1::COMPARATOR_GE},
    {U"最少", jixiao::v1::COMPARATOR_GE},   {U"超过", jixiao::v1::COMPARATOR_GT},
    {U"超", jixiao::v1::COMPARATOR_GT},     {U"多于", jixiao::v1::COMPARATOR_GT},
    {U"大于", jixiao::v1::COMPARATOR_GT},   {U"高于", jixiao::v1::COMPARATOR_GT},
    {U"不超过", jixiao::v1::COMPARATOR_LE}, {U"不高于", jixiao::v1::COMPARATOR_LE},
    {U"不多于", jixiao::v1::COMPARATOR_LE}, {U"不大于", jixiao::v1::COMPARATOR_LE},
    {U"最多", jixiao::v1::COMPARATOR_LE},   {U"至多", jixiao::v1::COMPARATOR_LE},
    {U"低于", jixiao::v1::COMPARATOR_LT},   {U"少于", jixiao::v1::COMPARATOR_LT},
    {U"小于", jixiao::v1::COMPARATOR_LT},   {U"不足", jixiao::v1::COMPARATOR_LT},
    {U"约", jixiao::v1::COMPARATOR_APPROX}, {U"大约", jixiao::v1::COMPARATOR_APPROX},
};

constexpr ComparatorWord kAfter[] = {
    {U"以上", jixiao::v1::COMPARATOR_GE},   {U"及以上", jixiao::v1::COMPARATOR_GE},
    {U"或以上", jixiao::v1::COMPARATOR_GE}, {U"以下", jixiao::v1::COMPARATOR_LE},
    {U"及以下", jixiao::v1::COMPARATOR_LE}, {U"以内", jixiao::v1::COMPARATOR_LE},
    {U"之内", jixiao::v1::COMPARATOR_LE},   {U"左右", jixiao::v1::COMPARATOR_APPROX},
};

// Words whose last character is a comparator word but which mean something else:
// "签约5家" is five signed firms, not about five; "节约10%" saves ten percent.
constexpr std::u32string_view kNotComparators[] = {
    U"签约", U"节约", U"合约", U"预约", U"违约", U"履约", U"集约", U"制约",
    U"公约", U"特约", U"邀约", U"守约", U"契约", U"条约", U"缔约", U"解约",
    U"续约", U"践约", U"赴约", U"应约", U"失约", U"租约", U"赶超",
};

constexpr ComparatorWord kAfterDuration = {U"内", jixiao::v1::COMPARATOR_LE};

std::optional<ComparatorMatch> Longer(std::optional<ComparatorMatch> best,
                                      const ComparatorWord& word) {
  if (best && best->length >= word.text.size()) return best;
  return ComparatorMatch{word.comparator, word.text.size()};
}

bool IsLowerBound(Comparator c) {
  return c == jixiao::v1::COMPARATOR_GE || c == jixiao::v1::COMPARATOR_GT;
}

bool IsUpperBound(Comparator c) {
  return c == jixiao::v1::COMPARATOR_LE || c == jixiao::v1::COMPARATOR_LT;
}

// True if the comparator word of `length` code points at the end of `before` is only
// the tail of a longer ordinary word.
bool IsTailOfWord(std::u32string_view before, size_t length) {
  for (std::u32string_view word : kNotComparators) {
    if (word.size() > length && EndsWith(before, word)) return true;
  }
  return false;
}

}  // namespace

std::optional<ComparatorMatch> MatchComparatorBefore(std::u32string_view before) {
  std::optional<ComparatorMatch> best;
  for (const ComparatorWord& word : kBefore) {
    if (EndsWith(before, word.text)) best = Longer(best, word);
  }
  if (best && IsTailOfWord(before, best->length)) return std::nullopt;
  return best;
}

std::optional<ComparatorMatch> MatchComparatorAfter(std::u32string_view after,
                                                    bool after_duration) {
  std::optional<ComparatorMatch> best;
  for (const ComparatorWord& word : kAfter) {
    if (StartsWith(after, word.text)) best = Longer(best, word);
  }
  if (!best && after_duration && StartsWith(after, kAfterDuration.text)) {
    best = Longer(best, kAfterDuration);
  }
  return best;
}

std::optional<Comparator> CombineComparators(Comparator first, Comparator second) {
  if (first == second) return first;
  if (IsLowerBound(first) && IsLowerBound(second)) return first;
  if (IsUpperBound(first) && IsUpperBound(second)) return first;
  return std::nullopt;
}

Comparator MirrorComparator(Comparator comparator) {
  switch (comparator) {
    case jixiao::v1::COMPARATOR_GE:
      return jixiao::v1::COMPARATOR_LE;
    case jixiao::v1::COMPARATOR_GT:
      return jixiao::v1::COMPARATOR_LT;
    case jixiao::v1::COMPARATOR_LE:
      return jixiao::v1::COMPARATOR_GE;
    case jixiao::v1::COMPARATOR_LT:
      return jixiao::v1::COMPARATOR_GT;
    default:
      return comparator;
  }
}

}  // namespace jixiao::target_value
