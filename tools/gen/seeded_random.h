#pragma once
// A small deterministic random source for synthetic data. The draws are
// computed here from mt19937_64's raw output, not through <random>'s
// distributions, whose results the C++ standard leaves to each library: the
// same seed must give the same dataset on every machine.
#include <cstdint>
#include <initializer_list>
#include <random>

namespace jixiao::gen {

class SeededRandom {
 public:
  // One independent stream per tuple of keys (seed, district, department,
  // year, ...): any slice of a dataset can be generated alone and still equal
  // the same slice of the whole.
  explicit SeededRandom(std::initializer_list<uint64_t> keys);

  double Uniform();                            // [0, 1)
  double Uniform(double low, double high);     // [low, high)
  int64_t Integer(int64_t low, int64_t high);  // [low, high], inclusive
  bool Chance(double probability);
  double Normal(double mean, double stddev);
  // Log-uniform in [low, high): budgets span orders of magnitude.
  double LogUniform(double low, double high);

 private:
  std::mt19937_64 engine_;
};

}  // namespace jixiao::gen
