#include "common/domain/target_value/qualitative_vocabulary.h"

#include <algorithm>
#include <optional>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "common/domain/target_value/qualitative_words.h"
#include "common/domain/target_value/value_text.h"
#include "common/utf8/utf8.h"

namespace jixiao::target_value {
namespace {

using jixiao::v1::Judgement;

// What the lines of a section are.
enum class Section { kNone, kJudgement, kNegations };

struct SectionName {
  std::string_view name;
  Section section;
  Judgement judgement;
};

constexpr SectionName kSections[] = {
    {"achieved", Section::kJudgement, jixiao::v1::JUDGEMENT_ACHIEVED},
    {"partially_achieved", Section::kJudgement, jixiao::v1::JUDGEMENT_PARTIALLY_ACHIEVED},
    {"not_achieved", Section::kJudgement, jixiao::v1::JUDGEMENT_NOT_ACHIEVED},
    {"negations", Section::kNegations, jixiao::v1::JUDGEMENT_UNSPECIFIED},
};

bool IsTrailingPunctuation(char32_t c) {
  switch (c) {
    case U'。':
    case U'；':
    case U';':
    case U'，':
    case U',':
    case U'.':
    case U'!':
    case U'、':
      return true;
    default:
      return false;
  }
}

absl::Status LineError(int line_number, absl::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat("qualitative words, line ", line_number, ": ", what));
}

}  // namespace

std::string NormalizePhrase(std::string_view text) {
  std::u32string phrase = NormalizeValueText(text);
  while (!phrase.empty() && IsTrailingPunctuation(phrase.back())) phrase.pop_back();
  // Tables print a qualitative target with the comparator of the quantities: "=提高".
  if (!phrase.empty() && phrase.front() == U'=') phrase.erase(0, 1);
  return utf8::EncodeUtf8(phrase);
}

absl::StatusOr<QualitativeVocabulary> ParseQualitativeVocabulary(std::string_view text) {
  QualitativeVocabulary vocabulary;
  std::optional<SectionName> section;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(absl::string_view(text.data(), text.size()), '\n')) {
    ++line_number;
    line = line.substr(0, line.find('#'));
    line = absl::StripAsciiWhitespace(line);
    if (line.empty()) continue;
    if (absl::ConsumePrefix(&line, "[")) {
      if (!absl::ConsumeSuffix(&line, "]")) return LineError(line_number, "unclosed section");
      section.reset();
      for (const SectionName& known : kSections) {
        if (known.name == std::string_view(line.data(), line.size())) section = known;
      }
      if (!section) return LineError(line_number, absl::StrCat("unknown section [", line, "]"));
      continue;
    }
    if (!section) return LineError(line_number, "a phrase outside a section");
    const std::string phrase = NormalizePhrase(std::string_view(line.data(), line.size()));
    if (phrase.empty()) return LineError(line_number, "a phrase that is only punctuation");
    if (section->section == Section::kNegations) {
      vocabulary.negations.push_back(phrase);
      continue;
    }
    const auto [it, inserted] = vocabulary.phrases.emplace(phrase, section->judgement);
    if (!inserted && it->second != section->judgement) {
      return LineError(line_number, absl::StrCat("「", phrase, "」 is under two judgements"));
    }
  }
  std::stable_sort(vocabulary.negations.begin(), vocabulary.negations.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return vocabulary;
}

const QualitativeVocabulary& BuiltInVocabulary() {
  static const QualitativeVocabulary* const vocabulary = [] {
    absl::StatusOr<QualitativeVocabulary> parsed =
        ParseQualitativeVocabulary(QualitativeWordsText());
    return new QualitativeVocabulary(parsed.ok() ? *std::move(parsed) : QualitativeVocabulary{});
  }();
  return *vocabulary;
}

Judgement JudgePhrase(const QualitativeVocabulary& vocabulary, std::string_view text) {
  const std::string phrase = NormalizePhrase(text);
  if (phrase.empty()) return jixiao::v1::JUDGEMENT_UNSPECIFIED;
  if (auto it = vocabulary.phrases.find(phrase); it != vocabulary.phrases.end()) {
    return it->second;
  }
  for (const std::string& negation : vocabulary.negations) {
    if (phrase.size() <= negation.size() || phrase.compare(0, negation.size(), negation) != 0) {
      continue;
    }
    auto it = vocabulary.phrases.find(phrase.substr(negation.size()));
    // Only achieved phrases are negated: "不差" is not read as achieved.
    if (it != vocabulary.phrases.end() && it->second == jixiao::v1::JUDGEMENT_ACHIEVED) {
      return jixiao::v1::JUDGEMENT_NOT_ACHIEVED;
    }
  }
  return jixiao::v1::JUDGEMENT_UNSPECIFIED;
}

}  // namespace jixiao::target_value
