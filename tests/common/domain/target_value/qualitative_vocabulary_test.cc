// The vocabulary built from qualitative_words.txt: it reads, every phrase in it
// reads as its section's judgement, negations, and what is never judged.

#include "common/domain/target_value/qualitative_vocabulary.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/domain/target_value/qualitative_words.h"
#include "common/domain/target_value/target_value_parser.h"
#include "gtest/gtest.h"
#include "tests/support/status_macros.h"

namespace jixiao::target_value {
namespace {

using jixiao::v1::Judgement;

constexpr Judgement kAchieved = jixiao::v1::JUDGEMENT_ACHIEVED;
constexpr Judgement kPartial = jixiao::v1::JUDGEMENT_PARTIALLY_ACHIEVED;
constexpr Judgement kNotAchieved = jixiao::v1::JUDGEMENT_NOT_ACHIEVED;
constexpr Judgement kUnknown = jixiao::v1::JUDGEMENT_UNSPECIFIED;

Judgement Judge(const std::string& text) { return JudgePhrase(BuiltInVocabulary(), text); }

// Each phrase line of the embedded file with its section, read independently of
// the parser under test.
std::vector<std::pair<std::string, std::string>> PhrasesBySection() {
  std::vector<std::pair<std::string, std::string>> phrases;
  std::string section;
  const std::string_view text = QualitativeWordsText();
  for (absl::string_view line : absl::StrSplit(absl::string_view(text.data(), text.size()), '\n')) {
    line = absl::StripAsciiWhitespace(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    if (absl::ConsumePrefix(&line, "[") && absl::ConsumeSuffix(&line, "]")) {
      section = std::string(line);
      continue;
    }
    phrases.emplace_back(section, std::string(line));
  }
  return phrases;
}

TEST(QualitativeVocabulary, TheEmbeddedFileReads) {
  ASSERT_OK_AND_ASSIGN(const QualitativeVocabulary vocabulary,
                       ParseQualitativeVocabulary(QualitativeWordsText()));
  EXPECT_GT(vocabulary.phrases.size(), 60u);
  EXPECT_FALSE(vocabulary.negations.empty());
}

TEST(QualitativeVocabulary, EveryPhraseReadsAsItsSection) {
  const std::vector<std::pair<std::string, std::string>> phrases = PhrasesBySection();
  ASSERT_FALSE(phrases.empty());
  for (const auto& [section, phrase] : phrases) {
    SCOPED_TRACE(section + ": " + phrase);
    if (section == "negations") continue;
    const Judgement expected = section == "achieved"             ? kAchieved
                               : section == "partially_achieved" ? kPartial
                                                                 : kNotAchieved;
    ASSERT_TRUE(section == "achieved" || section == "partially_achieved" ||
                section == "not_achieved");
    EXPECT_EQ(Judge(phrase), expected);
    // As a value the parser reads: unless it is a value's placeholder for none.
    const jixiao::v1::ParsedValue value = ParseValue(phrase);
    if (value.kind() == jixiao::v1::VALUE_KIND_QUALITATIVE) {
      EXPECT_EQ(value.judgement(), expected);
    }
  }
}

TEST(QualitativeVocabulary, TheWordsOfThePublishedTables) {
  EXPECT_EQ(Judge("达成预期指标"), kAchieved);
  EXPECT_EQ(Judge("=提高"), kAchieved);
  EXPECT_EQ(Judge("＝提高"), kAchieved);
  EXPECT_EQ(Judge("已完成"), kAchieved);
  EXPECT_EQ(Judge("未完成"), kNotAchieved);
  EXPECT_EQ(Judge("有效"), kAchieved);
  EXPECT_EQ(Judge("合格"), kAchieved);
  EXPECT_EQ(Judge("基本完成"), kPartial);
}

TEST(QualitativeVocabulary, NormalizationBeforeMatching) {
  EXPECT_EQ(Judge(" 已完成。"), kAchieved);
  EXPECT_EQ(Judge("已 完 成；"), kAchieved);
  EXPECT_EQ(Judge("达标!"), kAchieved);
  EXPECT_EQ(Judge("达标！"), kAchieved);
  EXPECT_EQ(NormalizePhrase("＝提高。"), "提高");
}

TEST(QualitativeVocabulary, ANegationOfAnAchievedPhraseIsNotAchieved) {
  EXPECT_EQ(Judge("未按期完成"), kNotAchieved);
  EXPECT_EQ(Judge("尚未完成"), kNotAchieved);
  EXPECT_EQ(Judge("未能达到预期目标"), kNotAchieved);
  EXPECT_EQ(Judge("没有达到预期目标"), kNotAchieved);
  EXPECT_EQ(Judge("不及时"), kNotAchieved);
  EXPECT_EQ(Judge("无效果明显"), kNotAchieved);
  // Not a double negative guessed: "不差" is not read as achieved.
  EXPECT_EQ(Judge("不差"), kUnknown);
  EXPECT_EQ(Judge("未基本完成"), kUnknown);
}

TEST(QualitativeVocabulary, ASentenceIsNeverJudged) {
  EXPECT_EQ(Judge("项目已完成，效果明显"), kUnknown);
  EXPECT_EQ(Judge("全年完成培训任务"), kUnknown);
  EXPECT_EQ(Judge("推动入库项目顺利落地。"), kUnknown);
  EXPECT_EQ(Judge(""), kUnknown);
  EXPECT_EQ(ParseValue("项目已完成，效果明显").judgement(), kUnknown);
}

TEST(QualitativeVocabulary, TheFormatIsChecked) {
  EXPECT_FALSE(ParseQualitativeVocabulary("完成\n").ok());  // outside a section
  EXPECT_FALSE(ParseQualitativeVocabulary("[achieved\n完成\n").ok());
  EXPECT_FALSE(ParseQualitativeVocabulary("[finished]\n完成\n").ok());
  EXPECT_FALSE(ParseQualitativeVocabulary("[achieved]\n完成\n[not_achieved]\n完成\n").ok());
  ASSERT_OK_AND_ASSIGN(
      const QualitativeVocabulary small,
      ParseQualitativeVocabulary(
          "# a comment\n[achieved]\n完成  # trailing comment\n\n[negations]\n未\n没有\n"));
  EXPECT_EQ(JudgePhrase(small, "完成"), kAchieved);
  EXPECT_EQ(JudgePhrase(small, "没有完成"), kNotAchieved);
  EXPECT_EQ(small.negations.front(), "没有");  // longest first
  EXPECT_EQ(JudgePhrase(small, "合格"), kUnknown);
}

}  // namespace
}  // namespace jixiao::target_value
