#include "services/scoring/engine/number_text.h"

#include <cmath>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/money/money.h"
#include "services/scoring/engine/rounding.h"

namespace jixiao::scoring {

std::string FormatNumber(double value, int decimals) {
  // Explanations print thousands of figures per report: whole units of the last
  // decimal, as an integer, are much cheaper to print than a float.
  const double rounded = RoundTo(value, decimals);
  const double scale = PowerOfTen(decimals);
  if (decimals < 0 || decimals > 6 || !(std::abs(rounded) * scale < 9e15)) {
    return absl::StrFormat("%g", rounded);
  }
  const int64_t units = std::llround(rounded * scale);
  const uint64_t magnitude = units < 0 ? -static_cast<uint64_t>(units) : units;
  std::string digits = absl::StrCat(magnitude);
  if (static_cast<int>(digits.size()) <= decimals) {
    digits.insert(0, decimals + 1 - digits.size(), '0');
  }
  std::string text = digits.substr(0, digits.size() - decimals);
  std::string fraction = digits.substr(digits.size() - decimals);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  if (!fraction.empty()) absl::StrAppend(&text, ".", fraction);
  return units < 0 ? absl::StrCat("-", text) : text;
}

std::string FormatPercent(double percent) { return absl::StrCat(FormatNumber(percent), "%"); }

std::string FormatShare(double fraction) { return FormatPercent(fraction * 100); }

std::string FormatWanYuan(int64_t fen) {
  std::string text = money::FormatWanYuan(fen);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return absl::StrCat(text, "万元");
}

}  // namespace jixiao::scoring
