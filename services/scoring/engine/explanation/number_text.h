#pragma once

// Figures as the explanations print them: no trailing zeros, no exponent.
//
// A scorecard prints thousands of figures, so they are written into a small
// buffer without allocating; the pieces below carry a figure into explanation
// text (explanation_text.h) and the Format* functions return one as a string.

#include <cstddef>
#include <cstdint>
#include <string>

namespace jixiao::scoring {

// Long enough for any figure: "-9000000000000000" at most in fixed notation,
// and "%g" ("-1.79769e+308", "-nan") beyond.
inline constexpr size_t kFigureBufferSize = 32;

// 740 → "740", 72.52 → "72.52", 0.909 → "0.91": rounded (see RoundTo) to at
// most `decimals` decimals, trailing zeros dropped; "%g" for magnitudes of 9e15
// units and more, for non-finite values and for decimals outside 0..6.
// Writes into `buffer` (kFigureBufferSize bytes), not terminated; returns the length.
size_t PrintFigure(double value, int decimals, char* buffer);

// Pieces of explanation text, printed by AppendText (explanation_text.h).
struct Figure {
  double value;
  int decimals = 2;
};
// 72.52 → "72.52%".
struct Percent {
  double percent;
};
// A share 0..1 as a percentage: 0.5 → "50%".
struct Share {
  double fraction;
};

std::string FormatNumber(double value, int decimals = 2);
std::string FormatPercent(double percent);
std::string FormatShare(double fraction);

// 分 as 万元: 602050000 → "602.05万元".
std::string FormatWanYuan(int64_t fen);

}  // namespace jixiao::scoring
