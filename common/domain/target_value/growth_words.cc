#include "common/domain/target_value/growth_words.h"

#include "common/domain/target_value/value_text.h"

namespace jixiao::target_value {
namespace {

struct GrowthWord {
  std::u32string_view text;
  GrowthDirection direction;
};

constexpr GrowthWord kGrowthWords[] = {
    {U"增长", GrowthDirection::kUp},   {U"增幅", GrowthDirection::kUp},
    {U"增速", GrowthDirection::kUp},   {U"增长率", GrowthDirection::kUp},
    {U"下降", GrowthDirection::kDown}, {U"降幅", GrowthDirection::kDown},
};

// Words that may stand between the growth word and the number: "增长率为5%".
constexpr std::u32string_view kLinkingWords[] = {U"为", U"达", U"达到", U"是"};

// How many code points of linking word `before` ends with (the longest), or 0.
size_t LinkingWordLength(std::u32string_view before) {
  size_t longest = 0;
  for (std::u32string_view word : kLinkingWords) {
    if (EndsWith(before, word) && word.size() > longest) longest = word.size();
  }
  return longest;
}

std::optional<GrowthMatch> MatchGrowthWordAtEnd(std::u32string_view before) {
  std::optional<GrowthMatch> best;
  for (const GrowthWord& word : kGrowthWords) {
    if (!EndsWith(before, word.text)) continue;
    if (!best || word.text.size() > best->length) {
      best = GrowthMatch{word.direction, word.text.size()};
    }
  }
  return best;
}

// Strips `suffix` from the end of `text` if it is there; returns whether it was.
bool StripSuffix(std::u32string_view* text, std::u32string_view suffix) {
  if (!EndsWith(*text, suffix)) return false;
  text->remove_suffix(suffix.size());
  return true;
}

// True if `text` ends with a four-digit year, which is then stripped.
bool StripYearNumber(std::u32string_view* text) {
  if (text->size() < 4) return false;
  for (size_t i = text->size() - 4; i < text->size(); ++i) {
    if (!IsAsciiDigit((*text)[i])) return false;
  }
  text->remove_suffix(4);
  return text->empty() || !IsAsciiDigit(text->back());
}

// True if the text before 持平 names last year (or a given year) after 与/较/和/同.
bool NamesLastYear(std::u32string_view before) {
  if (EndsWith(before, U"同比")) return true;
  StripSuffix(&before, U"同期");
  StripSuffix(&before, U"度");
  if (!StripSuffix(&before, U"年")) return false;
  if (!StripSuffix(&before, U"上一") && !StripSuffix(&before, U"上") &&
      !StripSuffix(&before, U"去") && !StripYearNumber(&before)) {
    return false;
  }
  return EndsWith(before, U"与") || EndsWith(before, U"较") || EndsWith(before, U"和") ||
         EndsWith(before, U"同");
}

}  // namespace

std::optional<GrowthMatch> MatchGrowthWordBefore(std::u32string_view before) {
  if (std::optional<GrowthMatch> direct = MatchGrowthWordAtEnd(before)) return direct;
  const size_t linking = LinkingWordLength(before);
  if (linking == 0) return std::nullopt;
  std::optional<GrowthMatch> linked =
      MatchGrowthWordAtEnd(before.substr(0, before.size() - linking));
  if (linked) linked->length += linking;
  return linked;
}

bool SaysSameAsLastYear(std::u32string_view text) {
  constexpr std::u32string_view kSame = U"持平";
  for (size_t pos = text.find(kSame); pos != std::u32string_view::npos;
       pos = text.find(kSame, pos + 1)) {
    if (NamesLastYear(text.substr(0, pos))) return true;
  }
  return false;
}

}  // namespace jixiao::target_value
