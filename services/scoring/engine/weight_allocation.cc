#include "services/scoring/engine/weight_allocation.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>

namespace jixiao::scoring {
namespace {

std::vector<double> RawWeights(const std::vector<std::optional<double>>& stated) {
  double sum = 0;
  int count = 0;
  for (const std::optional<double>& weight : stated) {
    if (weight.has_value() && *weight > 0) {
      sum += *weight;
      ++count;
    }
  }
  const double fill = count > 0 ? sum / count : 1;
  std::vector<double> raw;
  raw.reserve(stated.size());
  for (const std::optional<double>& weight : stated) {
    raw.push_back(weight.has_value() ? std::max(0.0, *weight) : fill);
  }
  if (std::accumulate(raw.begin(), raw.end(), 0.0) <= 0) std::fill(raw.begin(), raw.end(), 1.0);
  return raw;
}

}  // namespace

std::vector<double> AllocateWeights(const std::vector<std::optional<double>>& stated, double max,
                                    int decimals) {
  if (stated.empty()) return {};
  const std::vector<double> raw = RawWeights(stated);
  const double raw_sum = std::accumulate(raw.begin(), raw.end(), 0.0);
  const double unit = std::pow(10.0, -decimals);
  const int64_t total_units = std::llround(max / unit);

  std::vector<int64_t> units(raw.size());
  std::vector<double> remainders(raw.size());
  int64_t given = 0;
  for (size_t i = 0; i < raw.size(); ++i) {
    const double exact = raw[i] / raw_sum * static_cast<double>(total_units);
    // The nudge keeps exact shares (10 of 20 units) from flooring to one less.
    units[i] = static_cast<int64_t>(std::floor(exact + 1e-9));
    remainders[i] = exact - static_cast<double>(units[i]);
    given += units[i];
  }
  // Floors cannot overshoot but for a rounding hair; take any excess back from the
  // smallest remainders so that the shares never exceed the max.
  for (size_t i = raw.size(); given > total_units && i-- > 0;) {
    if (units[i] > 0) {
      --units[i];
      --given;
    }
  }
  std::vector<size_t> order(raw.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return remainders[a] > remainders[b]; });
  for (size_t k = 0; given < total_units && k < order.size(); ++k, ++given) ++units[order[k]];

  std::vector<double> weights;
  weights.reserve(raw.size());
  for (int64_t u : units) weights.push_back(static_cast<double>(u) * unit);
  return weights;
}

}  // namespace jixiao::scoring
