#pragma once

// Rounding as published reports round. Inline: scoring and printing figures
// round hundreds of times per report.

#include <array>
#include <cmath>

namespace jixiao::scoring {

// 10^decimals, from a table for the usual 0..6.
inline double PowerOfTen(int decimals) {
  static constexpr std::array<double, 7> kPowersOfTen = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
  if (decimals >= 0 && decimals < static_cast<int>(kPowersOfTen.size())) {
    return kPowersOfTen[decimals];
  }
  return std::pow(10.0, decimals);
}

// `value` in whole units of its `decimals`-th decimal (0.01 for 2), rounded half
// away from zero: RoundTo(value, decimals) is this over 10^decimals. Products
// such as 0.91 × 0.5 are not exact in binary (0.45499…); a nudge far below any
// printed precision keeps them on the side the decimal arithmetic puts them.
inline double RoundedUnits(double value, int decimals) {
  const double scaled = value * PowerOfTen(decimals);
  return std::round(scaled + std::copysign(1e-7, scaled));
}

// Rounds half away from zero to `decimals` places, as published reports do
// (72.52% × 5 = 3.626 → 3.63).
inline double RoundTo(double value, int decimals) {
  const double rounded = RoundedUnits(value, decimals) / PowerOfTen(decimals);
  return rounded == 0 ? 0.0 : rounded;  // never "-0"
}

// True when two scores differ by less than half a unit of the last decimal.
inline bool SameScore(double a, double b, int decimals) {
  return std::abs(a - b) < 0.5 / PowerOfTen(decimals);
}

}  // namespace jixiao::scoring
