#pragma once

// The vocabulary of published performance tables, shared by the importers: the
// standard indicator level names and codes, units, status words, plain numbers,
// the printed year and the derived project code. Tables copied from web pages
// lose their cell borders, so the importers recognise cells by these words.

#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace jixiao::table_import {

// Removes ASCII white space and the ideographic space: in a table whose cells ran
// together, white space is an artefact of the copy (OCR puts it inside words).
std::string RemoveWhitespace(absl::string_view text);

// The run of figures right after `label` (and an optional colon) in a table whose
// cells ran together: digits, '.' and '%', and ',' where `thousands_commas` (a
// form that prints 1,500.00). Empty when the label is absent.
std::string FiguresAfterLabel(absl::string_view compact, absl::string_view label,
                              bool thousands_commas);

// A plain decimal as tables print it: "20", "19.5", "0"; no sign, no leading zero
// ("020"), no thousands separator.
bool IsPlainNumber(absl::string_view text);
std::optional<double> ParsePlainNumber(absl::string_view text);

// A level name of the 财预〔2020〕10号 indicator hierarchy found in a table.
struct LevelName {
  absl::string_view text;  // as matched, e.g. "经济效益指标"
  absl::string_view code;  // "21"; level 1: "2"
  absl::string_view level1_code;
  absl::string_view level1_name;  // the standard name of its level 1
  bool is_level1 = false;
};

// The level name that starts `text` at `pos` (the longest match), if any. Both the
// national names (数量指标, 经济效益指标) and the short ones of some provinces'
// forms (数量值, 经济效益值, 产出值) are known.
std::optional<LevelName> LevelNameAt(absl::string_view text, size_t pos);

// True when `rest` starts with a unit of measure (件, 万元, %, 公里, 倍, …): a
// number followed by one is a value, not a 分值/得分 cell.
bool StartsWithUnit(absl::string_view rest);

// The status word (已完成, 未完成, 部分完成, 合格, …) `text` ends with, or empty.
absl::string_view TrailingStatusWord(absl::string_view text);
bool IsStatusWord(absl::string_view text);

// A comparison operator at `pos` (≥ ≤ >= <= = > < ＞ ＜), its length in bytes or 0.
size_t OperatorLengthAt(absl::string_view text, size_t pos);

// The year a table prints in its title, "(2022年度)" or "（2020 年度）".
std::optional<int> PrintedYear(absl::string_view text);

// The printed 项目编码, when the table has that cell: lower-cased, other
// characters than letters, digits, '-' and '_' replaced by '-'.
std::optional<std::string> PrintedProjectCode(absl::string_view text);

// A project with no printed code is identified by its name: "p-" followed by the
// first 12 hex digits of the SHA-256 of the name (UTF-8, as printed). Stable as
// long as the name is, and it never collides in practice within a department.
std::string DerivedProjectCode(absl::string_view project_name);

// True when byte `pos` of `text` starts a UTF-8 character.
inline bool IsCharBoundary(absl::string_view text, size_t pos) {
  return pos >= text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
}

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace jixiao::table_import
