#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "jixiao/v1/value.pb.h"

namespace jixiao::target_value {

// Phrases that say what a qualitative value means for its target, and the
// negations that turn an achieved phrase into a not-achieved one. Read from text
// in the format documented at the top of qualitative_words.txt.
struct QualitativeVocabulary {
  // Normalized phrase (NormalizePhrase) → its judgement.
  std::map<std::string, jixiao::v1::Judgement> phrases;
  // Normalized negation prefixes, longest first.
  std::vector<std::string> negations;
};

// Reads a vocabulary; an unknown section, a phrase outside a section or a phrase
// listed under two judgements is an error (with its line number).
absl::StatusOr<QualitativeVocabulary> ParseQualitativeVocabulary(std::string_view text);

// The vocabulary built into the parser (qualitative_words.txt), read once. Should
// the embedded file not read, no phrase is known: values stay unjudged, never
// misjudged (a unit test keeps the file readable).
const QualitativeVocabulary& BuiltInVocabulary();

// A value as the vocabulary matches it: full-width folded, whitespace removed,
// trailing punctuation (。；;，,.!) and one leading '=' removed. "＝提高。" → "提高".
// Also how a qualitative actual is compared with its target word for word.
std::string NormalizePhrase(std::string_view text);

// What the whole of `text` says: a listed phrase, or a negation followed by an
// achieved phrase (→ not achieved). Anything else, a sentence that merely contains
// a phrase included, is JUDGEMENT_UNSPECIFIED.
jixiao::v1::Judgement JudgePhrase(const QualitativeVocabulary& vocabulary, std::string_view text);

}  // namespace jixiao::target_value
