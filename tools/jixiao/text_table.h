#pragma once

// Plain-text tables for the terminal. Chinese characters take two columns, so
// cells are padded by display width, not by bytes or code points.

#include <ostream>
#include <string>
#include <vector>

namespace jixiao::cli {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header);
  void AddRow(std::vector<std::string> row);
  void Print(std::ostream& out) const;

 private:
  std::vector<std::vector<std::string>> rows_;  // rows_[0] is the header
};

// Columns `text` takes in a terminal: 2 for East Asian wide characters, else 1.
size_t DisplayWidth(const std::string& text);

}  // namespace jixiao::cli
