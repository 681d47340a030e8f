// Every table of data/corpus imported, pinned byte for byte: the report as text
// format followed by the import's findings (or the refusal), one file per table
// under tests/tools/jixiao/corpus/testdata/. The files are produced, never edited by hand;
// after an intended change of the importers, regenerate and review the diff:
//
//   JIXIAO_UPDATE_GOLDEN=1 ctest --test-dir build -R report_io_corpus_import_golden_test

#include <cstdlib>
#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "common/domain/table_import/evaluation_import.h"
#include "common/domain/table_import/target_table_layouts.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "tests/support/source_dir.h"
#include "tools/jixiao/corpus/corpus_file.h"

namespace jixiao::corpus {
namespace {

bool Updating() { return std::getenv("JIXIAO_UPDATE_GOLDEN") != nullptr; }

std::string MessageText(const google::protobuf::Message& message) {
  google::protobuf::TextFormat::Printer printer;
  printer.SetUseUtf8StringEscaping(true);  // Chinese stays readable in the diff
  std::string out;
  printer.PrintToString(message, &out);
  return out;
}

std::string EvaluationText(const std::string& table) {
  const auto imported = table_import::ImportEvaluationText(table);
  if (!imported.ok()) return absl::StrCat("refused: ", imported.status().message(), "\n");
  std::string out = absl::StrCat("# layout: ", table_import::LayoutName(imported->layout), "\n",
                                 MessageText(imported->report), "# findings\n");
  for (const auto& f : imported->findings)
    absl::StrAppend(&out, "- ", table_import::FindingText(f), "\n");
  return out;
}

std::string TargetsText(const std::string& table) {
  const auto imported = table_import::ImportAnyTargetTableText(table);
  if (!imported.ok()) return absl::StrCat("refused: ", imported.status().message(), "\n");
  std::string out = absl::StrCat("# layout: ", table_import::TargetLayoutName(imported->layout),
                                 "\n", MessageText(imported->import.table), "# findings\n");
  for (const auto& e : imported->import.errors) {
    absl::StrAppend(&out, "- skipped line ", e.line, ": ", e.reason, "\n");
  }
  for (const auto& f : imported->import.findings) {
    absl::StrAppend(&out, "- line ", f.line, ": ", f.reason, "\n");
  }
  return out;
}

void CheckGolden(const std::string& name, const std::string& actual) {
  const std::string golden =
      absl::StrCat("tests/tools/jixiao/corpus/testdata/", name, ".golden.txt");
  if (Updating()) {
    std::ofstream(testing::SourcePath(golden), std::ios::binary | std::ios::trunc) << actual;
    return;
  }
  EXPECT_EQ(testing::ReadSourceFile(golden), actual)
      << name << " changed; regenerate with JIXIAO_UPDATE_GOLDEN=1 and review the diff";
}

class CorpusImport : public ::testing::TestWithParam<const char*> {};

TEST_P(CorpusImport, MatchesGolden) {
  const std::string name = GetParam();
  const CorpusFile file =
      SplitCorpusFile(testing::ReadSourceFile(absl::StrCat("data/corpus/", name, ".txt")));
  ASSERT_FALSE(file.header.empty()) << name << " has no header block";
  const bool targets = file.header.at("kind") == "project-targets";
  CheckGolden(name, targets ? TargetsText(file.table) : EvaluationText(file.table));
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusImport,
                         ::testing::Values("2022-tianchang-shuiliju-project-self-evaluation-1",
                                           "2020-wuhan-xinzhou-chujutuan-project-self-evaluation-1",
                                           "2021-langzhong-jiaotong-project-self-evaluation-1",
                                           "undated-sichuan-puhuijinrong-project-self-evaluation-1",
                                           "2022-jingdong-minzhengju-project-self-evaluation-1",
                                           "2025-linyi-shifanfuxiao-project-targets-1",
                                           "2019-ningjin-jiaoyuju-project-targets-1",
                                           "2021-guangyuan-zhaohua-weijianju-project-targets-1"),
                         [](const ::testing::TestParamInfo<const char*>& table) {
                           // (not `info`: the macro's own parameter is named so)
                           std::string name = table.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace jixiao::corpus
