// Splitting a corpus file into its header block and its table, and the layout
// the importer detects for each table the corpus holds.

#include "tools/jixiao/corpus/corpus_file.h"

#include <gtest/gtest.h>

#include <string>

#include "common/domain/table_import/evaluation_layout.h"
#include "tests/support/source_dir.h"

namespace jixiao::corpus {
namespace {

using table_import::DetectEvaluationLayout;
using table_import::EvaluationLayout;

TEST(DetectEvaluationLayout, TellsEachCorpusFormByItsHeaderWords) {
  const std::pair<const char*, EvaluationLayout> kCases[] = {
      {"2022-tianchang-shuiliju-project-self-evaluation-1", EvaluationLayout::kForm10Lines},
      {"2020-wuhan-xinzhou-chujutuan-project-self-evaluation-1",
       EvaluationLayout::kForm10Flattened},
      {"2021-langzhong-jiaotong-project-self-evaluation-1", EvaluationLayout::kTransferNoScores},
      {"undated-sichuan-puhuijinrong-project-self-evaluation-1",
       EvaluationLayout::kTransferPercentWeights},
      {"2022-jingdong-minzhengju-project-self-evaluation-1", EvaluationLayout::kReevaluationStatus},
      {"2025-linyi-shifanfuxiao-project-targets-1", EvaluationLayout::kTargetTable},
      {"2019-ningjin-jiaoyuju-project-targets-1", EvaluationLayout::kTargetTable},
      {"2021-guangyuan-zhaohua-weijianju-project-targets-1", EvaluationLayout::kTargetTable},
  };
  for (const auto& [name, layout] : kCases) {
    const CorpusFile file =
        SplitCorpusFile(testing::ReadSourceFile(std::string("data/corpus/") + name + ".txt"));
    EXPECT_EQ(DetectEvaluationLayout(file.table), layout) << name;
  }
}

TEST(SplitCorpusFile, SeparatesTheHeaderBlockFromTheTable) {
  const CorpusFile file = SplitCorpusFile("source: x\nkind: project-targets\n---\n表\n");
  EXPECT_EQ(file.header.at("kind"), "project-targets");
  EXPECT_EQ(file.table, "表\n");
  // A table whose text has a "---" line but no header block stays whole.
  EXPECT_EQ(SplitCorpusFile("项目名称 X\n---\n表\n").table, "项目名称 X\n---\n表\n");
}

}  // namespace
}  // namespace jixiao::corpus
