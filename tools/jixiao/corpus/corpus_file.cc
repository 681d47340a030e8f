#include "tools/jixiao/corpus/corpus_file.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"

namespace jixiao::corpus {

CorpusFile SplitCorpusFile(absl::string_view text) {
  CorpusFile file;
  const size_t separator = text.find("\n---\n");
  if (separator == absl::string_view::npos) {
    file.table = std::string(text);
    return file;
  }
  // Only a block made entirely of "key: value" lines is a header.
  std::map<std::string, std::string> header;
  for (absl::string_view line : absl::StrSplit(text.substr(0, separator), '\n')) {
    const size_t colon = line.find(": ");
    const absl::string_view key = line.substr(0, colon);
    if (colon == absl::string_view::npos || key.empty() ||
        !std::all_of(key.begin(), key.end(),
                     [](char c) { return absl::ascii_islower(c) || c == '_'; })) {
      file.table = std::string(text);
      return file;
    }
    header[std::string(key)] = std::string(absl::StripAsciiWhitespace(line.substr(colon + 2)));
  }
  file.header = std::move(header);
  file.table = std::string(text.substr(separator + 5));
  return file;
}

}  // namespace jixiao::corpus
