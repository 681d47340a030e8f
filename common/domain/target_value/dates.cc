#include "common/domain/target_value/dates.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/domain/target_value/value_text.h"
#include "common/utf8/utf8.h"

namespace jixiao::target_value {
namespace {

using jixiao::v1::ParsedValue;

constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2100;

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

bool CharAt(std::u32string_view text, size_t pos, char32_t c) {
  return pos < text.size() && text[pos] == c;
}

// True if token `index` exists, is a plain integer of at most `max_digits` digits and
// starts exactly at `pos`.
bool SmallIntegerAt(const std::vector<NumberToken>& tokens, size_t index, size_t pos,
                    size_t max_digits) {
  return index < tokens.size() && tokens[index].begin == pos && tokens[index].plain_integer &&
         tokens[index].digit_span() <= max_digits;
}

// Consumes 底/末 (end of the period) at `*pos`.
bool TakePeriodEnd(std::u32string_view text, size_t* pos) {
  if (CharAt(text, *pos, U'底') || CharAt(text, *pos, U'末')) {
    ++*pos;
    return true;
  }
  return false;
}

// Consumes 前, 之前 or 以前 at `*pos`.
bool TakeBefore(std::u32string_view text, size_t* pos) {
  for (std::u32string_view word : {U"之前", U"以前", U"前"}) {
    if (StartsWith(text.substr(*pos), word)) {
      *pos += word.size();
      return true;
    }
  }
  return false;
}

// Reads "[D日|D号|底|末]" after a month; `date->end` is just past 月 on entry.
void ReadDayOfMonth(std::u32string_view text, const std::vector<NumberToken>& tokens,
                    size_t day_index, DateMention* date) {
  if (TakePeriodEnd(text, &date->end)) {
    const bool known_month = date->year != 0 && date->month >= 1 && date->month <= 12;
    date->day = known_month ? DaysInMonth(date->year, date->month) : 31;
    return;
  }
  if (!SmallIntegerAt(tokens, day_index, date->end, 2)) return;
  const NumberToken& day = tokens[day_index];
  if (!CharAt(text, day.end, U'日') && !CharAt(text, day.end, U'号')) return;
  date->day = static_cast<int>(day.value);
  date->end = day.end + 1;
  ++date->token_count;
}

// Reads "M月..." with the month token at `index`; `date->end` must be its start.
bool ReadMonth(std::u32string_view text, const std::vector<NumberToken>& tokens, size_t index,
               DateMention* date) {
  if (!SmallIntegerAt(tokens, index, date->end, 2) || !CharAt(text, tokens[index].end, U'月')) {
    return false;
  }
  date->month = static_cast<int>(tokens[index].value);
  date->end = tokens[index].end + 1;
  ++date->token_count;
  ReadDayOfMonth(text, tokens, index + 1, date);
  return true;
}

// Reads "YYYY年[底|年底|M月...]" with the year token at `index`.
bool ReadYear(std::u32string_view text, const std::vector<NumberToken>& tokens, size_t index,
              DateMention* date) {
  const NumberToken& year = tokens[index];
  if (!year.plain_integer || year.digit_span() != 4 || !CharAt(text, year.end, U'年')) {
    return false;
  }
  if (year.value < kFirstYear || year.value > kLastYear) return false;
  date->year = static_cast<int>(year.value);
  date->end = year.end + 1;
  date->token_count = 1;
  if (CharAt(text, date->end, U'年')) ++date->end;  // "2024年年底"
  if (TakePeriodEnd(text, &date->end)) {
    date->month = 12;
    date->day = 31;
    return true;
  }
  ReadMonth(text, tokens, index + 1, date);
  return true;
}

// Reads "D日前" / "D号前": a day without month or year.
bool ReadBareDay(std::u32string_view text, const NumberToken& day, DateMention* date) {
  if (!day.plain_integer || day.digit_span() > 2) return false;
  if (!CharAt(text, day.end, U'日') && !CharAt(text, day.end, U'号')) return false;
  size_t pos = day.end + 1;
  if (!TakeBefore(text, &pos)) return false;
  date->day = static_cast<int>(day.value);
  date->end = day.end + 1;
  date->token_count = 1;
  return true;
}

bool IsRealDate(const DateMention& date) {
  return date.month >= 1 && date.month <= 12 && date.day >= 1 &&
         date.day <= DaysInMonth(date.year, date.month);
}

ParsedValue Qualitative(std::string reason) {
  ParsedValue value;
  value.set_kind(jixiao::v1::VALUE_KIND_QUALITATIVE);
  value.set_reason(std::move(reason));
  return value;
}

}  // namespace

std::optional<DateMention> MatchDate(std::u32string_view text,
                                     const std::vector<NumberToken>& tokens, size_t index) {
  DateMention date;
  date.begin = tokens[index].begin;
  date.end = date.begin;
  const bool matched = ReadYear(text, tokens, index, &date) ||
                       ReadMonth(text, tokens, index, &date) ||
                       ReadBareDay(text, tokens[index], &date);
  if (!matched) return std::nullopt;
  date.before = TakeBefore(text, &date.end);
  return date;
}

ParsedValue DateToValue(const DateMention& date, std::u32string_view text) {
  const std::string printed = utf8::EncodeUtf8(text.substr(date.begin, date.end - date.begin));
  if (date.year == 0) return Qualitative(absl::StrCat("deadline without a year: ", printed));
  if (date.month == 0 && date.before) {
    return Qualitative(absl::StrCat("a year without a month is no deadline: ", printed));
  }
  if (date.month == 0) return Qualitative(absl::StrCat("a year, not a value: ", printed));
  if (date.month > 12) return Qualitative(absl::StrCat("no such date: ", printed));
  if (date.day == 0) {
    return Qualitative(absl::StrCat("month without a day or 底, ambiguous deadline: ", printed));
  }
  if (!IsRealDate(date)) return Qualitative(absl::StrCat("no such date: ", printed));
  ParsedValue value;
  value.set_kind(jixiao::v1::VALUE_KIND_DEADLINE);
  value.set_comparator(date.before ? jixiao::v1::COMPARATOR_LE : jixiao::v1::COMPARATOR_EQ);
  value.set_deadline(absl::StrCat(date.year, "-", absl::Dec(date.month, absl::kZeroPad2), "-",
                                  absl::Dec(date.day, absl::kZeroPad2)));
  return value;
}

}  // namespace jixiao::target_value
