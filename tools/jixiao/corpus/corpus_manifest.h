#pragma once

// The corpus manifest (data/corpus/corpus.json): per table, what the table does
// not print and an import needs — the department's code, name, district, level
// and sectors, the year where none is printed, the scheme to score under, the
// kind of table. JSON read through protobuf's own JSON parser (as a Struct), so
// no JSON library of another kind is needed; unknown fields are refused.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/domain/table_import/report_identity.h"

namespace jixiao::corpus {

inline constexpr char kDefaultCorpusScheme[] = "mof-2020-10";

struct CorpusEntry {
  std::string file;    // relative to the manifest's folder
  std::string kind;    // "project-self-evaluation" or "project-targets"
  std::string form;    // the form's name, for the summary
  std::string place;   // as the summary shows it
  std::string scheme;  // scheme id; kDefaultCorpusScheme when not given
  std::string year_note;
  table_import::ReportIdentity identity;
};

absl::StatusOr<std::vector<CorpusEntry>> ParseCorpusManifest(absl::string_view json);

}  // namespace jixiao::corpus
