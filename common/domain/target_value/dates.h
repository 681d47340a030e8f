#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "common/domain/target_value/numbers.h"
#include "jixiao/v1/value.pb.h"

namespace jixiao::target_value {

// A calendar date written in Chinese: "2024年3月底前", "2024年3月31日", "2024年底前",
// "3月底前", or a year alone ("2024年"). Its numbers are one date, not several
// quantities. Fields a document leaves out are 0; 底/末 fill in the last day.
struct DateMention {
  size_t begin = 0;        // First code point of the year (or of the month or day).
  size_t end = 0;          // Just past the expression, including 前.
  size_t token_count = 0;  // Number tokens the expression spans.
  int year = 0;
  int month = 0;
  int day = 0;
  bool before = false;  // Followed by 前, 之前 or 以前: the date is a deadline.
};

// The date expression that starts at number token `index`, if that token starts one.
// A year is a plain four-digit number from 1900 to 2100 followed by 年; a month or day
// without a year is taken too (so that its number is never read as a quantity), and
// a day alone only when 前 follows ("15日前"), since "7日" is usually seven days.
std::optional<DateMention> MatchDate(std::u32string_view text,
                                     const std::vector<NumberToken>& tokens, size_t index);

// The date as a value. Complete dates become DEADLINE with the last day in ISO form;
// the comparator is LE when the text says 前 (a target: "by then") and EQ otherwise
// (an actual: "done on"). Incomplete dates are QUALITATIVE, never guessed: no year
// ("3月底前"), a month without a day or 底 ("2024年3月前": before March or by its end?),
// a year alone ("2024年" is a year, not a value), or a day the calendar does not have.
jixiao::v1::ParsedValue DateToValue(const DateMention& date, std::u32string_view text);

}  // namespace jixiao::target_value
