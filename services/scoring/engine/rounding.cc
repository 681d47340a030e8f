#include "services/scoring/engine/rounding.h"

#include <array>
#include <cmath>

namespace jixiao::scoring {
namespace {

constexpr std::array<double, 7> kPowersOfTen = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};

}  // namespace

double PowerOfTen(int decimals) {
  if (decimals >= 0 && decimals < static_cast<int>(kPowersOfTen.size())) {
    return kPowersOfTen[decimals];
  }
  return std::pow(10.0, decimals);
}

double RoundTo(double value, int decimals) {
  const double scale = PowerOfTen(decimals);
  const double scaled = value * scale;
  const double nudge = std::copysign(1e-7, scaled);
  const double rounded = std::round(scaled + nudge) / scale;
  return rounded == 0 ? 0.0 : rounded;  // never "-0"
}

bool SameScore(double a, double b, int decimals) {
  return std::abs(a - b) < 0.5 / PowerOfTen(decimals);
}

}  // namespace jixiao::scoring
