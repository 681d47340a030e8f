#pragma once

// A table of the corpus (data/corpus/*.txt): a header block of "key: value" lines
// (source, kind, place, year, published_total, notes), a line "---", then the
// table's text as published. A file without the block is all table.

#include <map>
#include <string>

#include "absl/strings/string_view.h"

namespace jixiao::corpus {

struct CorpusFile {
  std::map<std::string, std::string> header;  // empty when the file has no block
  std::string table;
};

CorpusFile SplitCorpusFile(absl::string_view text);

}  // namespace jixiao::corpus
