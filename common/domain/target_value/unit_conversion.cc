#include "common/domain/target_value/unit_conversion.h"

namespace jixiao::target_value {
namespace {

// What a unit measures, and its size in the smallest unit of that measure.
enum class Measure { kLength, kMass, kArea, kTime, kShare };

struct UnitSize {
  std::string_view unit;
  Measure measure;
  double size;
};

// Only units whose sizes are fixed by definition. 天 and 工作日 are not converted to
// hours (a working day is not 24 hours), nor 亩 to 平方米 (tables use it as a count
// of plots as often as an area).
constexpr UnitSize kSizes[] = {
    {"米", Measure::kLength, 1},    {"公里", Measure::kLength, 1000},
    {"克", Measure::kMass, 1},      {"千克", Measure::kMass, 1000},
    {"公斤", Measure::kMass, 1000}, {"吨", Measure::kMass, 1000000},
    {"平方米", Measure::kArea, 1},  {"平方公里", Measure::kArea, 1000000},
    {"分钟", Measure::kTime, 1},    {"小时", Measure::kTime, 60},
    {"‰", Measure::kShare, 1},      {"%", Measure::kShare, 10},
};

const UnitSize* Find(std::string_view unit) {
  for (const UnitSize& size : kSizes) {
    if (size.unit == unit) return &size;
  }
  return nullptr;
}

}  // namespace

std::optional<double> UnitConversionFactor(std::string_view from, std::string_view to) {
  if (from == to) return 1.0;
  const UnitSize* a = Find(from);
  const UnitSize* b = Find(to);
  if (a == nullptr || b == nullptr || a->measure != b->measure) return std::nullopt;
  return a->size / b->size;
}

}  // namespace jixiao::target_value
