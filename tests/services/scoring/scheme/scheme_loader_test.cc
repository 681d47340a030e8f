// Loading scheme files: the shipped schemes, immutability under the lock, and
// refusals that name the file, the line and the reason.

#include "services/scoring/scheme/scheme_loader.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "common/domain/content_hash/sha256.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/scoring/scheme/published_lock.h"
#include "services/scoring/scheme/scheme_parser.h"
#include "tests/services/scoring/engine/scoring_test_support.h"
#include "tests/support/status_macros.h"

namespace jixiao::scoring {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

constexpr char kGuangzhouFile[] = "guangzhou-department.v1.textproto";

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void WriteText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// 1-based line of the first occurrence of `needle` at or after line `from`.
int LineOf(const std::string& text, const std::string& needle, int from = 1) {
  std::istringstream in(text);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (number >= from && line.find(needle) != std::string::npos) return number;
  }
  ADD_FAILURE() << "no line with " << needle;
  return 0;
}

// A private copy of the shipped scheme folder, lock included.
class SchemeDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "jixiao-schemes-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    for (const fs::directory_entry& entry :
         fs::directory_iterator(scoring::testing::SchemesDir())) {
      fs::copy_file(entry.path(), fs::path(dir_) / entry.path().filename());
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (fs::path(dir_) / name).string(); }

  // Replaces the first `from` in a copied file.
  void Edit(const std::string& name, const std::string& from, const std::string& to) {
    std::string text = ReadText(Path(name));
    const size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    WriteText(Path(name), text);
  }

  SchemeDirectory Load() {
    absl::StatusOr<SchemeDirectory> loaded = LoadSchemeDirectory(dir_);
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    return loaded.ok() ? *std::move(loaded) : SchemeDirectory();
  }

  // The one refusal of a load, as text.
  std::string OnlyRefusal() {
    SchemeDirectory loaded = Load();
    EXPECT_EQ(loaded.refused.size(), 1u);
    return loaded.refused.empty() ? "" : std::string(loaded.refused[0].message());
  }

  std::string dir_;
};

TEST_F(SchemeDirTest, ShippedSchemesLoadAndMatchTheLock) {
  SchemeDirectory loaded = Load();
  for (const absl::Status& refused : loaded.refused) ADD_FAILURE() << refused;
  // The three of the first release, the two national schemes' second versions,
  // 10号 for evaluations and the provincial transfer-payment form.
  ASSERT_EQ(loaded.schemes.size(), 7u);
  for (const char* id :
       {"guangzhou-department", "mof-2020-10", "mof-2021-101", "sichuan-transfer-payment"}) {
    const v1::Scheme* scheme = loaded.schemes.Find(id, 1);
    ASSERT_NE(scheme, nullptr) << id;
    EXPECT_EQ(scheme->content_hash().size(), 64u);
  }
  EXPECT_NE(loaded.schemes.Find("mof-2020-10", 2), nullptr);
  EXPECT_NE(loaded.schemes.Find("mof-2021-101", 2), nullptr);
  ASSERT_EQ(loaded.schemes.All().size(), 7u);
  EXPECT_EQ(loaded.schemes.All()[0]->id(), "guangzhou-department");  // ordered by id
  const v1::Scheme* guangzhou = loaded.schemes.Find("guangzhou-department", 0);
  ASSERT_NE(guangzhou, nullptr);
  EXPECT_EQ(guangzhou->content_hash(), sha256::Sha256Hex(ReadText(Path(kGuangzhouFile))));
  EXPECT_EQ(guangzhou->rounding_decimals(), 2);
  EXPECT_EQ(guangzhou->variants(0).when(), "no_special_funds");
}

TEST_F(SchemeDirTest, ChangingAPublishedSchemeWithoutANewVersionIsRefused) {
  // Weights still add up (20 + 5 → 19 + 6): only the lock can tell.
  Edit(kGuangzhouFile, "max: 20\n    source: ITEM_SOURCE_SPECIAL_FUND_PERFORMANCE",
       "max: 19\n    source: ITEM_SOURCE_SPECIAL_FUND_PERFORMANCE");
  Edit(kGuangzhouFile, "max: 5\n    source: ITEM_SOURCE_SPECIAL_FUND_EXECUTION",
       "max: 6\n    source: ITEM_SOURCE_SPECIAL_FUND_EXECUTION");
  const std::string text = ReadText(Path(kGuangzhouFile));
  const std::string refusal = OnlyRefusal();
  EXPECT_THAT(refusal,
              HasSubstr(absl::StrCat(Path(kGuangzhouFile), ":", LineOf(text, "version: 1"), ": ")));
  EXPECT_THAT(refusal, HasSubstr("guangzhou-department v1 changed without a new version"));
  EXPECT_THAT(refusal, HasSubstr("published.lock:"));
  EXPECT_EQ(Load().schemes.Find("guangzhou-department", 0), nullptr);
}

TEST_F(SchemeDirTest, TheSameChangeUnderANewVersionLoads) {
  Edit(kGuangzhouFile, "max: 20\n    source: ITEM_SOURCE_SPECIAL_FUND_PERFORMANCE",
       "max: 19\n    source: ITEM_SOURCE_SPECIAL_FUND_PERFORMANCE");
  Edit(kGuangzhouFile, "max: 5\n    source: ITEM_SOURCE_SPECIAL_FUND_EXECUTION",
       "max: 6\n    source: ITEM_SOURCE_SPECIAL_FUND_EXECUTION");
  Edit(kGuangzhouFile, "version: 1", "version: 2");
  SchemeDirectory loaded = Load();
  EXPECT_TRUE(loaded.refused.empty());
  const v1::Scheme* latest = loaded.schemes.Find("guangzhou-department", 0);
  ASSERT_NE(latest, nullptr);
  EXPECT_EQ(latest->version(), 2);
}

TEST_F(SchemeDirTest, WeightsThatDoNotAddUpAreRefusedWithFileLineAndReason) {
  Edit(kGuangzhouFile, "max: 20\n    source: ITEM_SOURCE_SPECIAL_FUND_PERFORMANCE",
       "max: 19\n    source: ITEM_SOURCE_SPECIAL_FUND_PERFORMANCE");
  const std::string text = ReadText(Path(kGuangzhouFile));
  const int group_max_line = LineOf(text, "max: 50");  // 履职效能's max
  EXPECT_THAT(OnlyRefusal(), HasSubstr(absl::StrCat(
                                 Path(kGuangzhouFile), ":", group_max_line,
                                 ": items of group effectiveness add up to 49, not its max 50")));
}

TEST_F(SchemeDirTest, SubItemsThatDoNotAddUpAreRefusedAtTheItem) {
  Edit(kGuangzhouFile, "name: \"合同备案时效性\" max: 1", "name: \"合同备案时效性\" max: 2");
  const std::string text = ReadText(Path(kGuangzhouFile));
  const int item_max_line = LineOf(text, "max: 10", LineOf(text, "management.procurement\""));
  EXPECT_THAT(OnlyRefusal(),
              HasSubstr(absl::StrCat(Path(kGuangzhouFile), ":", item_max_line,
                                     ": sub-items of management.procurement add up to 11, not its "
                                     "max 10")));
}

TEST_F(SchemeDirTest, AnUnknownRuleNameIsRefusedWithFileLineAndReason) {
  Edit(kGuangzhouFile, "curve: COMPLETION_CURVE_PROPORTIONAL", "curve: COMPLETION_CURVE_CUBIC");
  const std::string text = ReadText(Path(kGuangzhouFile));
  const std::string refusal = OnlyRefusal();
  EXPECT_THAT(refusal, HasSubstr(absl::StrCat(Path(kGuangzhouFile), ":",
                                              LineOf(text, "COMPLETION_CURVE_CUBIC"), ": ")));
  EXPECT_THAT(refusal, HasSubstr("Unknown enumeration value of \"COMPLETION_CURVE_CUBIC\""));
}

TEST_F(SchemeDirTest, AnUnknownFieldIsRefused) {
  Edit(kGuangzhouFile, "rounding_decimals: 2", "rounding_decimals: 2\nrounding_mode: HALF_UP");
  const std::string text = ReadText(Path(kGuangzhouFile));
  const std::string refusal = OnlyRefusal();
  EXPECT_THAT(refusal, HasSubstr(absl::StrCat(Path(kGuangzhouFile), ":",
                                              LineOf(text, "rounding_mode"), ": ")));
  EXPECT_THAT(refusal, HasSubstr("rounding_mode"));
}

TEST_F(SchemeDirTest, ASyntaxErrorIsRefused) {
  Edit(kGuangzhouFile, "grade_bands { min_score: 90", "grade_bands { min_score: : 90");
  const std::string text = ReadText(Path(kGuangzhouFile));
  EXPECT_THAT(OnlyRefusal(), HasSubstr(absl::StrCat(Path(kGuangzhouFile), ":",
                                                    LineOf(text, "min_score: : 90"), ": ")));
}

TEST_F(SchemeDirTest, AnUnknownVariantConditionIsRefusedAtItsLine) {
  Edit(kGuangzhouFile, "when: \"no_special_funds\"", "when: \"no_special_fund\"");
  const std::string text = ReadText(Path(kGuangzhouFile));
  EXPECT_THAT(OnlyRefusal(),
              HasSubstr(absl::StrCat(Path(kGuangzhouFile), ":", LineOf(text, "when:"),
                                     ": unknown variant condition \"no_special_fund\"")));
}

TEST_F(SchemeDirTest, AMissingIdIsRefused) {
  Edit(kGuangzhouFile, "id: \"guangzhou-department\"\n", "");
  EXPECT_THAT(OnlyRefusal(), HasSubstr(absl::StrCat(Path(kGuangzhouFile), ":1: missing id")));
}

TEST_F(SchemeDirTest, AMissingVersionIsRefused) {
  Edit(kGuangzhouFile, "version: 1\n", "");
  EXPECT_THAT(OnlyRefusal(), HasSubstr("missing version"));
}

TEST_F(SchemeDirTest, ADuplicateIdAndVersionIsRefused) {
  fs::copy_file(Path(kGuangzhouFile), Path("zz-copy.textproto"));
  const std::string refusal = OnlyRefusal();
  EXPECT_THAT(refusal, HasSubstr(Path("zz-copy.textproto")));
  EXPECT_THAT(refusal, HasSubstr("guangzhou-department v1 is already defined in"));
}

TEST_F(SchemeDirTest, AWrittenContentHashIsRefused) {
  Edit(kGuangzhouFile, "rounding_decimals: 2", "rounding_decimals: 2\ncontent_hash: \"abc\"");
  EXPECT_THAT(OnlyRefusal(), HasSubstr("content_hash is filled by the loader"));
}

TEST_F(SchemeDirTest, TheReadmeExampleIsAUsersNewSchemeAndLoads) {
  WriteText(Path("example-district-department.v1.textproto"),
            scoring::testing::ReadmeExampleText());
  SchemeDirectory loaded = Load();
  for (const absl::Status& refused : loaded.refused) ADD_FAILURE() << refused;
  EXPECT_NE(loaded.schemes.Find("example-district-department", 1), nullptr);
}

TEST_F(SchemeDirTest, AMalformedLockStopsTheLoad) {
  std::string lock = ReadText(Path("published.lock"));
  lock += "broken-line 1\n";
  WriteText(Path("published.lock"), lock);
  absl::StatusOr<SchemeDirectory> loaded = LoadSchemeDirectory(dir_);
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(loaded.status().message(),
              HasSubstr(absl::StrCat(Path("published.lock"), ":", LineOf(lock, "broken-line"),
                                     ": expected \"<id> <version> <sha256>\"")));
}

TEST(SchemeLoader, AMissingDirectoryIsAnError) {
  EXPECT_FALSE(LoadSchemeDirectory("/nonexistent/jixiao/schemes").ok());
}

TEST(SchemeParser, ReportsEveryProblemOfAFile) {
  const std::string text =
      "id: \"t\"\nversion: 1\nrounding_decimals: 2\n"
      "indicator_rules { curve: COMPLETION_CURVE_PROPORTIONAL }\n"
      "grade_bands { min_score: 60 grade: \"中\" colour: COLOUR_YELLOW }\n"
      "groups { code: \"g\" max: 100 items { code: \"g.a\" max: 90 source: ITEM_SOURCE_DECLARED } "
      "}\n";
  absl::StatusOr<SchemeFile> parsed = ParseSchemeFile("t.textproto", text);
  ASSERT_FALSE(parsed.ok());
  const std::string message(parsed.status().message());
  EXPECT_THAT(message, HasSubstr("t.textproto:4: indicator_rules.qualitative must be set"));
  EXPECT_THAT(message, HasSubstr("t.textproto:4: indicator_rules.missing_value must be set"));
  EXPECT_THAT(message, HasSubstr("t.textproto:5: grade bands must include one with min_score 0"));
  EXPECT_THAT(message, HasSubstr("t.textproto:6: items of group g add up to 90, not its max 100"));
}

// A minimal valid scheme, for parser tests: one group of two items.
std::string SmallScheme(const std::string& item_b_extra) {
  return absl::StrCat(
      "id: \"t\"\nversion: 1\nrounding_decimals: 2\n"
      "indicator_rules {\n"
      "  curve: COMPLETION_CURVE_PROPORTIONAL\n"
      "  over_completion { policy: OVER_COMPLETION_POLICY_NONE }\n"
      "  qualitative { achieved: 1 partially_achieved: 0.8 not_achieved: 0.6 }\n"
      "  missing_value: MISSING_VALUE_POLICY_ZERO_AND_FLAG\n"
      "}\n"
      "grade_bands { min_score: 0 grade: \"差\" colour: COLOUR_RED }\n"
      "groups {\n"
      "  code: \"g\" max: 100\n"
      "  items { code: \"g.a\" max: 50 source: ITEM_SOURCE_DECLARED }\n"
      "  items { code: \"g.b\" max: 50 source: ITEM_SOURCE_INDICATORS level1_codes: \"1\"\n",
      item_b_extra, "  }\n}\n");
}

TEST(SchemeParser, ASmallSchemeParses) {
  ASSERT_OK_AND_ASSIGN(SchemeFile parsed, ParseSchemeFile("t.textproto", SmallScheme("")));
  EXPECT_EQ(parsed.version_line, 2);
  EXPECT_EQ(parsed.scheme.content_hash(), sha256::Sha256Hex(SmallScheme("")));
}

TEST(SchemeParser, ItemOverridesAreCheckedOnceMerged) {
  // Steps without the stepwise curve, inherited or not, are refused at the override.
  absl::StatusOr<SchemeFile> steps_only = ParseSchemeFile(
      "t.textproto",
      SmallScheme("    indicator_rules { steps { min_percent: 60 fraction: 0.5 } }\n"));
  ASSERT_FALSE(steps_only.ok());
  EXPECT_THAT(steps_only.status().message(),
              HasSubstr("t.textproto:15: the item's steps need COMPLETION_CURVE_STEPWISE"));
  absl::StatusOr<SchemeFile> stepwise = ParseSchemeFile(
      "t.textproto", SmallScheme("    indicator_rules { curve: COMPLETION_CURVE_STEPWISE "
                                 "steps { min_percent: 60 fraction: 0.5 } }\n"));
  EXPECT_TRUE(stepwise.ok()) << stepwise.status();
}

TEST(SchemeParser, BandsMustRise) {
  absl::StatusOr<SchemeFile> parsed = ParseSchemeFile(
      "t.textproto", SmallScheme("    indicator_rules { curve: COMPLETION_CURVE_STEPWISE\n"
                                 "      steps { min_percent: 80 fraction: 0.8 }\n"
                                 "      steps { min_percent: 60 fraction: 0.9 } }\n"));
  ASSERT_FALSE(parsed.ok());
  EXPECT_THAT(parsed.status().message(),
              HasSubstr("t.textproto:17: steps: bands must be listed by rising min_percent"));
}

TEST(SchemeParser, AMaxFinerThanTheRoundingIsRefused) {
  std::string text = SmallScheme("");
  text.replace(text.find("max: 50 source: ITEM_SOURCE_DECLARED"), 7, "max: 49.995");
  text.replace(text.find("max: 50 source: ITEM_SOURCE_INDICATORS"), 7, "max: 50.005");
  absl::StatusOr<SchemeFile> parsed = ParseSchemeFile("t.textproto", text);
  ASSERT_FALSE(parsed.ok());
  EXPECT_THAT(parsed.status().message(),
              HasSubstr("t.textproto:13: max 49.995 has more decimals than rounding_decimals 2"));
}

// Text format reads nan and inf, which passed every check (NaN <= 0 and NaN > 0 are both
// false): a scheme whose item max was nan loaded and scored every report nan
// (fuzz/regressions/scheme/).
TEST(SchemeParser, NumbersThatAreNotFiniteAreRefused) {
  for (const std::string special : {"nan", "inf", "-inf"}) {
    std::string text = SmallScheme("");
    text.replace(text.find("max: 50 source: ITEM_SOURCE_DECLARED"), 7, "max: " + special);
    text.replace(text.find("achieved: 1 "), 11, "achieved: " + special);
    absl::StatusOr<SchemeFile> parsed = ParseSchemeFile("t.textproto", text);
    ASSERT_FALSE(parsed.ok()) << special;
    EXPECT_EQ(parsed.status().message(),
              absl::StrCat("t.textproto:7: achieved must be a finite number, not ", special,
                           " (field indicator_rules.qualitative.achieved)\n"
                           "t.textproto:13: max must be a finite number, not ",
                           special, " (field groups[0].items[0].max)"));
  }
}

TEST(SchemeParser, UnknownLevel1CodesAreRefused) {
  std::string text = SmallScheme("");
  text.replace(text.find("level1_codes: \"1\""), 17, "level1_codes: \"5\"");
  absl::StatusOr<SchemeFile> parsed = ParseSchemeFile("t.textproto", text);
  ASSERT_FALSE(parsed.ok());
  EXPECT_THAT(parsed.status().message(), HasSubstr("t.textproto:14: unknown level-1 code \"5\""));
}

TEST(PublishedLock, LockLinesRoundTrip) {
  const std::string dir = scoring::testing::SchemesDir();
  ASSERT_OK_AND_ASSIGN(SchemeFile file,
                       LoadSchemeFile(dir + "/" + kGuangzhouFile, PublishedLock{}));
  ASSERT_OK_AND_ASSIGN(PublishedLock lock, ParsePublishedLock("lock", LockLine(file) + "\n"));
  EXPECT_TRUE(CheckAgainstLock(lock, file).ok());
  EXPECT_FALSE(ParsePublishedLock("lock", "a 1 abc\n").ok());  // not a SHA-256
  EXPECT_FALSE(ParsePublishedLock("lock", LockLine(file) + "\n" + LockLine(file)).ok());
}

}  // namespace
}  // namespace jixiao::scoring
