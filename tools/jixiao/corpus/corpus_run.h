#pragma once

// Imports one corpus table and, for a self-evaluation, scores it under the
// scheme its manifest entry names; then writes the corpus summary as markdown.
// Pure: the caller reads the files and loads the schemes.

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/scorecard.pb.h"
#include "services/scoring/scheme/scheme_set.h"
#include "tools/jixiao/corpus/corpus_manifest.h"

namespace jixiao::corpus {

struct CorpusTableOutcome {
  CorpusEntry entry;
  std::string printed_total;  // the file's published_total, as its header block gives it
  bool imported = false;
  std::string refusal;  // why the table was not imported
  std::string layout;
  std::vector<std::string> import_findings;
  std::vector<std::string> validation;  // what validation says of the imported report
  // A self-evaluation's report and its card (or why it could not be scored).
  std::optional<jixiao::v1::EvaluationReport> report;
  std::optional<jixiao::v1::ScoreCard> card;
  std::string score_error;
  // A target table's size.
  int projects = 0;
  int indicators = 0;
};

CorpusTableOutcome ImportCorpusTable(const CorpusEntry& entry, absl::string_view file_text,
                                     const scoring::SchemeSet& schemes);

// The summary: one table row per entry, then per entry every finding of the
// import and of the card that explains a difference.
std::string CorpusMarkdown(const std::vector<CorpusTableOutcome>& outcomes);

}  // namespace jixiao::corpus
