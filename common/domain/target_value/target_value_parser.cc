#include "common/domain/target_value/target_value_parser.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/domain/target_value/comparator_words.h"
#include "common/domain/target_value/dates.h"
#include "common/domain/target_value/document_numbers.h"
#include "common/domain/target_value/growth_words.h"
#include "common/domain/target_value/numbers.h"
#include "common/domain/target_value/parser_version.h"
#include "common/domain/target_value/qualitative_vocabulary.h"
#include "common/domain/target_value/units.h"
#include "common/domain/target_value/value_text.h"
#include "common/utf8/utf8.h"

namespace jixiao::target_value {
namespace {

using jixiao::v1::Comparator;
using jixiao::v1::ParsedValue;

ParsedValue Qualitative(std::string reason) {
  ParsedValue value;
  value.set_kind(jixiao::v1::VALUE_KIND_QUALITATIVE);
  value.set_reason(std::move(reason));
  return value;
}

ParsedValue Absent(std::string reason) {
  ParsedValue value;
  value.set_kind(jixiao::v1::VALUE_KIND_ABSENT);
  value.set_reason(std::move(reason));
  return value;
}

ParsedValue Quantity(Comparator comparator, double number, std::string unit, bool growth,
                     int magnitude = 0) {
  ParsedValue value;
  value.set_kind(jixiao::v1::VALUE_KIND_QUANTITY);
  value.set_comparator(comparator);
  value.set_number(number);
  value.set_unit(std::move(unit));
  value.set_growth(growth);
  value.set_magnitude(magnitude);
  return value;
}

// "与上年持平": the value is last year's, i.e. growth of at least 0%.
ParsedValue SameAsLastYear() {
  return Quantity(jixiao::v1::COMPARATOR_GE, 0, "%", /*growth=*/true);
}

bool IsDashOrSlash(char32_t c) {
  return c == U'-' || c == U'/' || c == U'_' || (c >= 0x2010 && c <= 0x2015) || c == 0x2500 ||
         c == 0x2E3A || c == 0x2E3B;
}

// Placeholders that documents print in a cell that has no value.
std::optional<std::string> AbsentReason(std::u32string_view text) {
  if (text.empty()) return "blank";
  if (text == U"无" || text == U"无。" || text == U"暂无") return "stated as none (无)";
  for (char32_t c : text) {
    if (!IsDashOrSlash(c)) return std::nullopt;
  }
  return "a dash or slash: no value";
}

// 余 and 多 between a number and its unit mean "more than": "10余家".
bool IsMoreThanMark(char32_t c) { return c == U'余' || c == U'多'; }

bool IsAsciiLetter(char32_t c) { return c < 0x80 && IsWordChar(c); }

// What a number printed in a value stands for.
enum class MentionKind {
  kQuantity,        // "20家": a candidate for the value.
  kDate,            // "2024年3月底前": a deadline, or a year.
  kDocumentNumber,  // "穗财商[2023]64号": cites a document.
  kPartOfName,      // "PM2.5", "G20": a number inside a name.
};

struct Mention {
  MentionKind kind = MentionKind::kQuantity;
  size_t begin = 0;  // The printed extent, for quoting in reasons.
  size_t end = 0;
  size_t token = 0;  // kQuantity: the number token.
  DateMention date;  // kDate only.
};

// Just past the number, its "more than" mark and its unit.
size_t QuantityEnd(std::u32string_view text, const NumberToken& token) {
  size_t pos = token.end;
  if (pos < text.size() && IsMoreThanMark(text[pos])) ++pos;
  if (std::optional<UnitMatch> unit = MatchUnit(text.substr(pos))) pos += unit->length;
  return pos;
}

// Classifies the number token at `*index` (with the tokens that belong to it, as in
// a date) and advances `*index` past them.
Mention ClassifyAt(std::u32string_view text, const std::vector<NumberToken>& tokens,
                   size_t* index) {
  Mention mention;
  if (std::optional<DocumentNumberMatch> doc = MatchDocumentNumber(text, tokens, *index)) {
    *index += 2;
    mention.kind = MentionKind::kDocumentNumber;
    mention.begin = doc->begin;
    mention.end = doc->end;
    return mention;
  }
  if (std::optional<DateMention> date = MatchDate(text, tokens, *index)) {
    *index += date->token_count;
    mention.kind = MentionKind::kDate;
    mention.begin = date->begin;
    mention.end = date->end;
    mention.date = *date;
    return mention;
  }
  const NumberToken& token = tokens[*index];
  mention.begin = token.begin;
  while (mention.begin > 0 && IsAsciiLetter(text[mention.begin - 1])) --mention.begin;
  const bool in_name = mention.begin < token.begin;
  mention.kind = in_name ? MentionKind::kPartOfName : MentionKind::kQuantity;
  mention.end = QuantityEnd(text, token);
  mention.token = (*index)++;
  return mention;
}

std::vector<Mention> FindMentions(std::u32string_view text,
                                  const std::vector<NumberToken>& tokens) {
  std::vector<Mention> mentions;
  size_t index = 0;
  while (index < tokens.size()) mentions.push_back(ClassifyAt(text, tokens, &index));
  return mentions;
}

std::string Quote(std::u32string_view text, size_t begin, size_t end) {
  return utf8::EncodeUtf8(text.substr(begin, end - begin));
}

std::string QuoteAll(std::u32string_view text, const std::vector<Mention>& mentions) {
  std::vector<std::string> quoted;
  for (const Mention& mention : mentions) {
    quoted.push_back(Quote(text, mention.begin, mention.end));
  }
  return absl::StrJoin(quoted, ", ");
}

ParsedValue WithoutNumber(std::u32string_view text) {
  if (SaysSameAsLastYear(text)) return SameAsLastYear();
  for (std::u32string_view end_of_period : {U"底前", U"末前", U"月底", U"年底", U"月末", U"年末"}) {
    if (Contains(text, end_of_period)) return Qualitative("deadline without a year");
  }
  return Qualitative("no number");
}

// "与2023年持平" names a year and nothing else; any other number is a second value.
ParsedValue SameAsLastYearWith(std::u32string_view text, const std::vector<Mention>& mentions) {
  for (const Mention& mention : mentions) {
    const bool year_only = mention.kind == MentionKind::kDate && mention.date.month == 0 &&
                           mention.date.year != 0 && !mention.date.before;
    if (!year_only) {
      return Qualitative(absl::StrCat("持平 and another value: ", QuoteAll(text, mentions)));
    }
  }
  return SameAsLastYear();
}

// What is printed around a quantity's number.
struct Surroundings {
  std::vector<Comparator> comparators;  // In text order.
  size_t begin = 0;                     // Start of the comparator before the number.
  size_t end = 0;                       // Just past the unit and a comparator after it.
  std::string unit;
  bool unknown_word_after = false;  // A word follows the number that is no unit.
};

Surroundings ReadSurroundings(std::u32string_view text, const NumberToken& token) {
  Surroundings s;
  s.begin = token.begin;
  if (std::optional<ComparatorMatch> before = MatchComparatorBefore(text.substr(0, s.begin))) {
    s.comparators.push_back(before->comparator);
    s.begin -= before->length;
  }
  s.end = token.end;
  if (s.end < text.size() && IsMoreThanMark(text[s.end])) {
    s.comparators.push_back(jixiao::v1::COMPARATOR_GT);
    ++s.end;
  }
  const std::optional<UnitMatch> unit = MatchUnit(text.substr(s.end));
  if (unit) {
    s.unit = unit->unit;
    s.end += unit->length;
  }
  const bool duration = unit && unit->is_duration;
  if (std::optional<ComparatorMatch> after = MatchComparatorAfter(text.substr(s.end), duration)) {
    s.comparators.push_back(after->comparator);
    s.end += after->length;
  } else if (!unit && s.end < text.size() && IsWordChar(text[s.end])) {
    s.unknown_word_after = true;
  }
  return s;
}

// The one comparator the printed ones agree on; EQ if none is printed.
std::optional<Comparator> AgreedComparator(const std::vector<Comparator>& comparators) {
  std::optional<Comparator> agreed = jixiao::v1::COMPARATOR_EQ;
  for (size_t i = 0; i < comparators.size() && agreed; ++i) {
    agreed = i == 0 ? comparators[i] : CombineComparators(*agreed, comparators[i]);
  }
  return agreed;
}

ParsedValue ReadQuantity(std::u32string_view text, const NumberToken& token) {
  const Surroundings s = ReadSurroundings(text, token);
  if (s.unknown_word_after) {
    return Qualitative(absl::StrCat("unknown unit after ", Quote(text, token.begin, token.end),
                                    ": ", Quote(text, s.end, s.end + 1)));
  }
  std::optional<Comparator> comparator = AgreedComparator(s.comparators);
  if (!comparator) {
    return Qualitative(absl::StrCat("conflicting comparators: ", Quote(text, s.begin, s.end)));
  }
  const std::optional<GrowthMatch> growth = MatchGrowthWordBefore(text.substr(0, s.begin));
  double number = token.value;
  if (growth && growth->direction == GrowthDirection::kDown) {
    number = number == 0 ? 0 : -number;
    comparator = MirrorComparator(*comparator);
  }
  return Quantity(*comparator, number, s.unit, growth.has_value(), token.magnitude);
}

ParsedValue ReadMention(std::u32string_view text, const std::vector<NumberToken>& tokens,
                        const Mention& mention) {
  const std::string quoted = Quote(text, mention.begin, mention.end);
  switch (mention.kind) {
    case MentionKind::kDocumentNumber:
      return Qualitative(absl::StrCat("document number, not a value: ", quoted));
    case MentionKind::kPartOfName:
      return Qualitative(absl::StrCat("number inside a name, not a value: ", quoted));
    case MentionKind::kDate:
      return DateToValue(mention.date, text);
    case MentionKind::kQuantity:
      break;
  }
  return ReadQuantity(text, tokens[mention.token]);
}

// Every reading but the judgement of words and the version.
ParsedValue Read(std::string_view printed) {
  const std::u32string text = NormalizeValueText(printed);
  if (std::optional<std::string> reason = AbsentReason(text)) return Absent(*std::move(reason));
  const std::vector<NumberToken> tokens = ScanNumbers(text);
  const std::vector<Mention> mentions = FindMentions(text, tokens);
  if (mentions.empty()) return WithoutNumber(text);
  if (SaysSameAsLastYear(text)) return SameAsLastYearWith(text, mentions);
  if (mentions.size() > 1) {
    return Qualitative(absl::StrCat("several quantities: ", QuoteAll(text, mentions)));
  }
  return ReadMention(text, tokens, mentions.front());
}

}  // namespace

ParsedValue ParseValue(std::string_view printed) {
  ParsedValue value = Read(printed);
  if (value.kind() == jixiao::v1::VALUE_KIND_QUALITATIVE) {
    value.set_judgement(JudgePhrase(BuiltInVocabulary(), printed));
  }
  value.set_parser_version(kParserVersion);
  return value;
}

}  // namespace jixiao::target_value
