#include "common/domain/table_import/indicator_cells.h"

#include <algorithm>

#include "common/domain/table_import/table_words.h"

namespace jixiao::table_import {
namespace {

constexpr size_t kMaxUnitBytes = 4 * 3;    // four CJK characters
constexpr size_t kMaxValueBytes = 24 * 3;  // a value cell of 24 CJK characters

bool StartsWithOperator(absl::string_view text) { return OperatorLengthAt(text, 0) > 0; }

// A value a cell can hold: a figure or a status word, not the tail of a name.
bool IsValueLike(absl::string_view text) {
  if (text.empty()) return false;
  return IsAsciiDigit(text[0]) || StartsWithOperator(text) || IsStatusWord(text);
}

// The start of an operator that ends `text` at `end`, or `end`.
size_t OperatorStartBefore(absl::string_view text, size_t end) {
  for (size_t len : {3u, 2u, 1u}) {
    if (end >= len && OperatorLengthAt(text, end - len) == len) return end - len;
  }
  return end;
}

}  // namespace

std::optional<size_t> TrailingValueStart(absl::string_view text, size_t end) {
  size_t unit_start = end;
  while (unit_start > 0 && !IsAsciiDigit(text[unit_start - 1]) &&
         end - unit_start < kMaxUnitBytes) {
    --unit_start;
  }
  while (unit_start < end && !IsCharBoundary(text, unit_start)) ++unit_start;
  if (unit_start > 0 && !IsAsciiDigit(text[unit_start - 1])) return std::nullopt;  // unit too long
  const absl::string_view unit = text.substr(unit_start, end - unit_start);
  if (!unit.empty() && !StartsWithUnit(unit)) return std::nullopt;
  size_t number_start = unit_start;
  while (number_start > 0 &&
         (IsAsciiDigit(text[number_start - 1]) || text[number_start - 1] == '.')) {
    --number_start;
  }
  if (!IsPlainNumber(text.substr(number_start, unit_start - number_start))) return std::nullopt;
  return OperatorStartBefore(text, number_start);
}

std::optional<NameTargetActual> SplitNameTargetActual(absl::string_view text) {
  // The same value twice. A value cell is short: longer repeats are not tried,
  // which keeps the work linear in the row's text.
  for (size_t len = std::min(text.size() / 2, kMaxValueBytes); len > 0; --len) {
    const size_t first = text.size() - 2 * len;
    if (!IsCharBoundary(text, first) || !IsCharBoundary(text, first + len)) continue;
    const absl::string_view a = text.substr(first, len);
    if (a != text.substr(first + len) || !IsValueLike(a) || first == 0) continue;
    return NameTargetActual{std::string(text.substr(0, first)), std::string(a), std::string(a)};
  }
  // A figure and a status word.
  const absl::string_view status = TrailingStatusWord(text);
  if (!status.empty()) {
    const size_t word_start = text.size() - status.size();
    const auto target_start = TrailingValueStart(text, word_start);
    if (target_start.has_value() && *target_start > 0) {
      return NameTargetActual{std::string(text.substr(0, *target_start)),
                              std::string(text.substr(*target_start, word_start - *target_start)),
                              std::string(status)};
    }
  }
  // Two figures, each closed by its unit or opened by its operator.
  const auto actual_start = TrailingValueStart(text, text.size());
  if (!actual_start.has_value()) return std::nullopt;
  const auto target_start = TrailingValueStart(text, *actual_start);
  if (!target_start.has_value() || *target_start == 0) return std::nullopt;
  const absl::string_view target = text.substr(*target_start, *actual_start - *target_start);
  const absl::string_view actual = text.substr(*actual_start);
  // Without a unit or operator between them, the digits of the two figures run
  // together and their border is unknown.
  if (IsAsciiDigit(target.back()) && !StartsWithOperator(actual)) return std::nullopt;
  return NameTargetActual{std::string(text.substr(0, *target_start)), std::string(target),
                          std::string(actual)};
}

}  // namespace jixiao::table_import
