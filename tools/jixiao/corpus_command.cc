#include "tools/jixiao/corpus_command.h"

#include <fstream>
#include <iostream>

#include "services/scoring/scheme/scheme_loader.h"
#include "tools/jixiao/command_line.h"
#include "tools/jixiao/corpus/corpus_manifest.h"
#include "tools/jixiao/corpus/corpus_run.h"
#include "tools/jixiao/input_files.h"
#include "tools/jixiao/schemes_directory.h"

namespace jixiao::cli {
namespace {

constexpr char kManifestName[] = "corpus.json";
constexpr char kDefaultOut[] = "docs/corpus.md";

}  // namespace

int RunCorpus(const std::vector<std::string>& args) {
  auto command_line = ParseCommandLine(args, {"schemes", "out"}, {});
  if (!command_line.ok() || command_line->arguments.size() != 1) {
    std::cerr << (command_line.ok() ? "" : std::string(command_line.status().message()) + "\n")
              << "usage: jixiao corpus DIR [--schemes DIR] [--out FILE]\n";
    return 2;
  }
  const auto& cl = *command_line;
  const std::string dir = cl.arguments[0];
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
  auto schemes = scoring::LoadSchemeDirectory(SchemesDirectory(cl.Option("schemes")));
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
  const std::string out_path = cl.Option("out", kDefaultOut);
  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  out << corpus::CorpusMarkdown(outcomes);
  if (!out) {
    std::cerr << "jixiao corpus: cannot write " << out_path << "\n";
    return 1;
  }
  std::cerr << "wrote " << out_path << ": " << outcomes.size() << " tables, " << failed
            << " not imported\n";
  return failed == 0 ? 0 : 1;
}

}  // namespace jixiao::cli
