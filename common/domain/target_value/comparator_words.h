#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "jixiao/v1/value.pb.h"

namespace jixiao::target_value {

// A comparator symbol or word found next to a number, and how many code points it spans.
struct ComparatorMatch {
  jixiao::v1::Comparator comparator = jixiao::v1::COMPARATOR_UNSPECIFIED;
  size_t length = 0;
};

// The comparator that `before` (the text just before a number) ends with:
// ≥ ≤ > < = ≈ >= <= => =< and their full-width forms (folded to ASCII by normalization),
// 不少于 不低于 至少 (GE), 超过 超 多于 大于 高于 (GT), 不超过 不高于 最多 (LE),
// 低于 少于 小于 不足 (LT), 约 大约 (APPROX). Longest match wins (不低于 before 低于).
// Ordinary words that merely end in one (签约, 节约, 赶超) are not comparators.
std::optional<ComparatorMatch> MatchComparatorBefore(std::u32string_view before);

// The comparator that `after` (the text just after a number and its unit) starts with:
// 以上 及以上 (GE), 以下 以内 之内 (LE), 左右 (APPROX). A bare 内 means LE only
// after a duration ("7个工作日内"): after a count it is usually the start of a word
// ("10家内资企业"). 上下 is not taken for "about": after a count it is mostly 上下游.
//
// 以上 and 以下 both include the number, as in official usage (民法典 第1259条: "以上、
// 以下、以内、届满，包括本数"): "90%以上" is ≥ 90% and "10家以下" is ≤ 10家.
std::optional<ComparatorMatch> MatchComparatorAfter(std::u32string_view after, bool after_duration);

// "至少30家以上" says GE twice; "超过10余家" says GT twice. Two comparators that bound
// the same side are merged (the first, written before the number, wins: it is the
// more explicit); two that contradict each other ("不超过10家以上", "约10家以上") give
// nullopt, and the caller refuses to guess.
std::optional<jixiao::v1::Comparator> CombineComparators(jixiao::v1::Comparator first,
                                                         jixiao::v1::Comparator second);

// The comparator on the negated number: "下降不超过3%" is growth ≥ -3%.
jixiao::v1::Comparator MirrorComparator(jixiao::v1::Comparator comparator);

}  // namespace jixiao::target_value
