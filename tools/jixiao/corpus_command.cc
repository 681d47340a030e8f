#include "tools/jixiao/corpus_command.h"

#include <iostream>

#include "absl/strings/str_cat.h"
#include "services/scoring/scheme/scheme_loader.h"
#include "tools/jixiao/command_options.h"
#include "tools/jixiao/corpus/corpus_manifest.h"
#include "tools/jixiao/corpus/corpus_run.h"
#include "tools/jixiao/input_files.h"

namespace jixiao::cli {
namespace {

constexpr char kManifestName[] = "corpus.json";
constexpr char kDefaultOut[] = "docs/corpus.md";

}  // namespace

int RunCorpus(const std::vector<std::string>& args) {
  OptionSet options("jixiao corpus",
                    absl::StrCat("Imports and scores every table of a corpus folder (its ",
                                 kManifestName, " lists them) and writes\nthe summary."));
  std::string dir;
  options.AddArguments("DIR", dir, "the corpus folder")->required();
  std::string schemes_directory;
  AddSchemesDirectory(options, schemes_directory);
  std::string out_path = kDefaultOut;
  options.Add("--out", out_path, "where the summary is written")->type_name("FILE");
  if (auto exit = ParseCommand(options, args)) return *exit;
  auto manifest_text = ReadWholeFile(dir + "/" + kManifestName);
  if (!manifest_text.ok()) {
    std::cerr << "jixiao corpus: " << manifest_text.status().message() << "\n";
    return 2;
  }
  auto entries = corpus::ParseCorpusManifest(*manifest_text);
  if (!entries.ok()) {
    std::cerr << "jixiao corpus: " << entries.status().message() << "\n";
    return 2;
  }
  auto schemes = scoring::LoadSchemeDirectory(schemes_directory);
  if (!schemes.ok()) {
    std::cerr << "jixiao corpus: " << schemes.status().message() << "\n";
    return 2;
  }
  for (const auto& refused : schemes->refused) {
    std::cerr << "refused: " << refused.message() << "\n";
  }

  std::vector<corpus::CorpusTableOutcome> outcomes;
  int failed = 0;
  for (const auto& entry : *entries) {
    auto text = ReadWholeFile(dir + "/" + entry.file);
    if (!text.ok()) {
      std::cerr << entry.file << ": " << text.status().message() << "\n";
      ++failed;
      continue;
    }
    outcomes.push_back(corpus::ImportCorpusTable(entry, *text, schemes->schemes));
    const auto& o = outcomes.back();
    if (!o.imported) ++failed;
    std::cerr << entry.file << ": " << (o.imported ? "imported" : "NOT IMPORTED: " + o.refusal)
              << ", " << o.import_findings.size() << " findings"
              << (o.score_error.empty() ? "" : ", not scored: " + o.score_error) << "\n";
  }
  if (absl::Status written = WriteOutput(out_path, corpus::CorpusMarkdown(outcomes));
      !written.ok()) {
    std::cerr << "jixiao corpus: " << written.message() << "\n";
    return kExitFailure;
  }
  std::cerr << "wrote " << out_path << ": " << outcomes.size() << " tables, " << failed
            << " not imported\n";
  return failed == 0 ? 0 : 1;
}

}  // namespace jixiao::cli
