#pragma once

namespace jixiao::scoring {

// Rounds half away from zero to `decimals` places, as published reports do
// (72.52% × 5 = 3.626 → 3.63). Products such as 0.91 × 0.5 are not exact in
// binary (0.45499…); a nudge far below any printed precision keeps them on the
// side the decimal arithmetic puts them.
double RoundTo(double value, int decimals);

// 10^decimals, from a table for the usual 0..6.
double PowerOfTen(int decimals);

// True when two scores differ by less than half a unit of the last decimal.
bool SameScore(double a, double b, int decimals);

}  // namespace jixiao::scoring
