#include "common/domain/table_import/row_runs.h"

#include "common/domain/table_import/table_words.h"

namespace jixiao::table_import {

std::vector<RunTogetherRow> SplitRowsAtScoreRuns(absl::string_view text) {
  std::vector<RunTogetherRow> rows;
  size_t row_start = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    if (!IsAsciiDigit(text[pos])) {
      ++pos;
      continue;
    }
    size_t end = pos;
    while (end < text.size() && (IsAsciiDigit(text[end]) || text[end] == '.')) ++end;
    const bool row_end = end == text.size() || !StartsWithUnit(text.substr(end));
    if (row_end && pos > row_start) {
      rows.push_back({std::string(text.substr(row_start, pos - row_start)),
                      std::string(text.substr(pos, end - pos))});
      row_start = end;
    }
    pos = end;
  }
  if (row_start < text.size()) rows.push_back({std::string(text.substr(row_start)), ""});
  return rows;
}

}  // namespace jixiao::table_import
