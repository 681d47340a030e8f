#include "tools/gen/seeded_random.h"

#include <cmath>

namespace jixiao::gen {
namespace {

// SplitMix64's finalizer: spreads nearby keys (district 7 and 8) apart.
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

uint64_t SeedOf(std::initializer_list<uint64_t> keys) {
  uint64_t seed = 0x6a697869616f0000ULL;  // "jixiao"
  for (uint64_t key : keys) seed = Mix(seed ^ Mix(key));
  return seed;
}

}  // namespace

SeededRandom::SeededRandom(std::initializer_list<uint64_t> keys) : engine_(SeedOf(keys)) {}

double SeededRandom::Uniform() {
  return static_cast<double>(engine_() >> 11) * 0x1.0p-53;  // 53 random mantissa bits
}

double SeededRandom::Uniform(double low, double high) { return low + (high - low) * Uniform(); }

int64_t SeededRandom::Integer(int64_t low, int64_t high) {
  const uint64_t span = static_cast<uint64_t>(high - low) + 1;
  return low + static_cast<int64_t>(engine_() % span);  // the modulo bias is negligible here
}

bool SeededRandom::Chance(double probability) { return Uniform() < probability; }

double SeededRandom::Normal(double mean, double stddev) {
  // Box-Muller; 1 - Uniform() keeps the logarithm's argument above zero.
  const double u1 = 1.0 - Uniform();
  const double u2 = Uniform();
  return mean + stddev * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

double SeededRandom::LogUniform(double low, double high) {
  return std::exp(Uniform(std::log(low), std::log(high)));
}

}  // namespace jixiao::gen
