#include "services/scoring/engine/explanation/number_text.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/domain/money/money.h"
#include "services/scoring/engine/rounding.h"

namespace jixiao::scoring {

size_t PrintFigure(double value, int decimals, char* buffer) {
  const double scale = PowerOfTen(decimals);
  const double units_rounded = RoundedUnits(value, decimals);
  double rounded = units_rounded / scale;  // RoundTo(value, decimals)
  if (rounded == 0) rounded = 0.0;         // never "-0"
  if (decimals < 0 || decimals > 6 || !(std::abs(rounded) * scale < 9e15)) {
    const std::string text = absl::StrFormat("%g", rounded);
    const size_t size = std::min(text.size(), kFigureBufferSize);
    std::memcpy(buffer, text.data(), size);
    return size;
  }
  // Whole units of the last decimal, as an integer, print exactly and fast.
  // Below 2^50 units, rounded × scale is within a quarter unit of the whole
  // units_rounded (two correctly rounded operations), so both name the same integer.
  constexpr double kExactUnits = 1125899906842624.0;  // 2^50
  const int64_t units = std::abs(units_rounded) < kExactUnits ? static_cast<int64_t>(units_rounded)
                                                              : std::llround(rounded * scale);
  uint64_t magnitude = units < 0 ? -static_cast<uint64_t>(units) : static_cast<uint64_t>(units);
  // The digits, most significant first, two at a time, ending at digits[kEnd]:
  // at most 16 of them below 9e15, with room on both sides for the fixed-size
  // copies below (which the compiler turns into a couple of moves).
  static constexpr char kPairs[] =
      "0001020304050607080910111213141516171819"
      "2021222324252627282930313233343536373839"
      "4041424344454647484950515253545556575859"
      "6061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";
  constexpr int kEnd = 24;
  char digits[kEnd + 16];
  char* first = digits + kEnd;
  while (magnitude >= 100) {
    first -= 2;
    std::memcpy(first, kPairs + 2 * (magnitude % 100), 2);
    magnitude /= 100;
  }
  if (magnitude >= 10) {
    first -= 2;
    std::memcpy(first, kPairs + 2 * magnitude, 2);
  } else {
    *--first = static_cast<char>('0' + magnitude);
  }
  while (digits + kEnd - first <= decimals) *--first = '0';  // "0.05", not ".05"
  const char* const fraction = digits + kEnd - decimals;
  const char* last = digits + kEnd;  // the fraction's trailing zeros are not printed
  while (last > fraction && last[-1] == '0') --last;

  // `buffer` holds kFigureBufferSize bytes: a sign, 16 integer digits and 8
  // copied for the fraction fit.
  char* out = buffer;
  if (units < 0) *out++ = '-';
  std::memcpy(out, first, 16);  // the integer part and whatever follows it
  out += fraction - first;
  if (last > fraction) {
    *out++ = '.';
    std::memcpy(out, fraction, 8);  // at most 6 decimals, and what follows
    out += last - fraction;
  }
  return static_cast<size_t>(out - buffer);
}

std::string FormatNumber(double value, int decimals) {
  char buffer[kFigureBufferSize];
  return std::string(buffer, PrintFigure(value, decimals, buffer));
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
