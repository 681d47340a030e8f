#include "services/scoring/engine/items/weight_allocation.h"

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
  // The raw weights, replaced by the shares once these are known.
  std::vector<double> weights = RawWeights(stated);
  const double raw_sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  const double unit = std::pow(10.0, -decimals);
  const int64_t total_units = std::llround(max / unit);

  struct Share {
    int64_t units = 0;
    double remainder = 0;
  };
  std::vector<Share> shares(weights.size());
  int64_t given = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    const double exact = weights[i] / raw_sum * static_cast<double>(total_units);
    // The nudge keeps exact shares (10 of 20 units) from flooring to one less.
    shares[i].units = static_cast<int64_t>(std::floor(exact + 1e-9));
    shares[i].remainder = exact - static_cast<double>(shares[i].units);
    given += shares[i].units;
  }
  // Floors cannot overshoot but for a rounding hair; take any excess back from the
  // smallest remainders so that the shares never exceed the max.
  for (size_t i = shares.size(); given > total_units && i-- > 0;) {
    if (shares[i].units > 0) {
      --shares[i].units;
      --given;
    }
  }
  if (given < total_units) {
    // The units left go to the largest remainders, the earlier indicator first
    // among equal ones. Equal shares (no weights stated) have equal remainders:
    // then that order is the indicators' own, and nothing needs sorting.
    std::vector<size_t> order(shares.size());
    std::iota(order.begin(), order.end(), 0);
    const bool all_equal = std::all_of(shares.begin(), shares.end(), [&](const Share& share) {
      return share.remainder == shares[0].remainder;
    });
    if (!all_equal) {
      std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return shares[a].remainder > shares[b].remainder ||
               (shares[a].remainder == shares[b].remainder && a < b);
      });
    }
    for (size_t k = 0; given < total_units && k < order.size(); ++k, ++given) {
      ++shares[order[k]].units;
    }
  }
  for (size_t i = 0; i < shares.size(); ++i) {
    weights[i] = static_cast<double>(shares[i].units) * unit;
  }
  return weights;
}

}  // namespace jixiao::scoring
