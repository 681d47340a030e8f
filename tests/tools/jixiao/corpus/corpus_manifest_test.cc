// The shipped manifest names every table of data/corpus, and each imports; the
// manifest refuses what it does not know.

#include "tools/jixiao/corpus/corpus_manifest.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "services/scoring/scheme/scheme_loader.h"
#include "tests/support/source_dir.h"
#include "tests/support/status_macros.h"
#include "tools/jixiao/corpus/corpus_run.h"

namespace jixiao::corpus {
namespace {

using ::testing::HasSubstr;

TEST(CorpusManifest, NamesEveryTableOfTheFolderOnce) {
  ASSERT_OK_AND_ASSIGN(const auto entries,
                       ParseCorpusManifest(testing::ReadSourceFile("data/corpus/corpus.json")));
  std::set<std::string> named;
  for (const auto& e : entries) {
    EXPECT_TRUE(named.insert(e.file).second) << e.file << " named twice";
    EXPECT_FALSE(e.identity.department_code.empty()) << e.file;
    EXPECT_NE(e.identity.level, jixiao::v1::ADMINISTRATIVE_LEVEL_UNSPECIFIED) << e.file;
  }
  std::set<std::string> files;
  for (const auto& f : std::filesystem::directory_iterator(testing::SourcePath("data/corpus"))) {
    if (f.path().extension() == ".txt") files.insert(f.path().filename().string());
  }
  EXPECT_EQ(named, files);
}

TEST(CorpusManifest, EveryTableImports) {
  ASSERT_OK_AND_ASSIGN(const auto entries,
                       ParseCorpusManifest(testing::ReadSourceFile("data/corpus/corpus.json")));
  const scoring::SchemeSet no_schemes;
  for (const auto& e : entries) {
    const auto outcome =
        ImportCorpusTable(e, testing::ReadSourceFile("data/corpus/" + e.file), no_schemes);
    EXPECT_TRUE(outcome.imported) << e.file << ": " << outcome.refusal;
    if (e.kind == "project-self-evaluation") {
      ASSERT_TRUE(outcome.report.has_value()) << e.file;
      EXPECT_EQ(outcome.report->department().code(), e.identity.department_code);
      EXPECT_THAT(outcome.score_error, HasSubstr("no scheme"));  // none loaded here
    }
  }
}

TEST(CorpusManifest, RefusesUnknownFieldsAndKinds) {
  EXPECT_THAT(ParseCorpusManifest(R"({"tables": [{"file": "a.txt", "kind": "project-targets",
      "department_code": "341181:x", "colour": "red"}]})")
                  .status()
                  .message(),
              HasSubstr("unknown field \"colour\""));
  EXPECT_THAT(ParseCorpusManifest(R"({"tables": [{"file": "a.txt", "kind": "budget",
      "department_code": "341181:x"}]})")
                  .status()
                  .message(),
              HasSubstr("kind"));
  EXPECT_FALSE(ParseCorpusManifest("not json").ok());
}

TEST(CorpusManifest, DefaultsTheScheme) {
  ASSERT_OK_AND_ASSIGN(
      const auto entries,
      ParseCorpusManifest(
          R"({"tables": [{"file": "a.txt", "kind": "project-self-evaluation", "department_code": "341181:x", "level": "township", "year": 2022}]})"));
  EXPECT_EQ(entries.at(0).scheme, kDefaultCorpusScheme);
  EXPECT_EQ(entries.at(0).identity.year, 2022);
  EXPECT_EQ(entries.at(0).identity.level, jixiao::v1::ADMINISTRATIVE_LEVEL_TOWNSHIP);
}

}  // namespace
}  // namespace jixiao::corpus
