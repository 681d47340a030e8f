#include "services/scoring/scheme/curves.h"

#include <algorithm>
#include <cmath>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace jixiao::scoring {
namespace {

constexpr double kRateHair = 1e-9;

v1::CurvePoint Point(double percent, double share) {
  v1::CurvePoint point;
  point.set_percent(percent);
  point.set_share(share);
  return point;
}

v1::Curve Linear(absl::string_view preset, std::initializer_list<v1::CurvePoint> points) {
  v1::Curve curve;
  curve.set_preset(std::string(preset));
  curve.set_interpolation(v1::INTERPOLATION_LINEAR);
  for (const v1::CurvePoint& point : points) *curve.add_points() = point;
  return curve;
}

// The preset's curve; an empty curve for an unknown name.
v1::Curve Preset(absl::string_view name) {
  if (name == kPresetProportional) return Linear(name, {Point(0, 0), Point(100, 1)});
  if (name == kPresetThreshold60Linear) return Linear(name, {Point(60, 0), Point(100, 1)});
  if (name == kPresetLinearCapped) return Linear(name, {Point(0, 0), Point(100, 1)});
  return {};
}

std::string Num(double value) { return absl::StrFormat("%g", value); }

}  // namespace

std::vector<absl::string_view> CurvePresetNames() {
  return {kPresetProportional, kPresetThreshold60Linear, kPresetLinearCapped};
}

absl::StatusOr<v1::Curve> ResolveCurve(const v1::Curve& curve) {
  if (!curve.preset().empty()) {
    v1::Curve preset = Preset(curve.preset());
    if (preset.points().empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown curve preset \"", curve.preset(), "\""));
    }
    if (!curve.points().empty() || curve.interpolation() != v1::INTERPOLATION_UNSPECIFIED) {
      return absl::InvalidArgumentError(
          "a curve is a preset or points with an interpolation, not both");
    }
    preset.set_name(curve.name());
    return preset;
  }
  if (curve.points().empty()) {
    return absl::InvalidArgumentError("a curve needs a preset or points");
  }
  if (curve.interpolation() == v1::INTERPOLATION_UNSPECIFIED) {
    return absl::InvalidArgumentError(
        "a curve with points needs interpolation: INTERPOLATION_STEP or INTERPOLATION_LINEAR");
  }
  for (int i = 0; i < curve.points_size(); ++i) {
    const v1::CurvePoint& point = curve.points(i);
    if (!std::isfinite(point.percent()) || !std::isfinite(point.share()) || point.share() < 0 ||
        point.share() > 1) {
      return absl::InvalidArgumentError(
          absl::StrCat("points[", i, "]: share ", Num(point.share()), " is not within 0..1"));
    }
    if (point.percent() < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("points[", i, "]: percent ", Num(point.percent()), " is negative"));
    }
    if (i > 0 && point.percent() <= curve.points(i - 1).percent()) {
      return absl::InvalidArgumentError(
          absl::StrCat("points[", i, "]: points must be listed by rising percent"));
    }
    if (i > 0 && point.share() < curve.points(i - 1).share()) {
      return absl::InvalidArgumentError(
          absl::StrCat("points[", i, "]: a higher rate may not give a smaller share"));
    }
  }
  return curve;
}

v1::Curve BandCurve(const google::protobuf::RepeatedPtrField<v1::Band>& bands) {
  v1::Curve curve;
  curve.set_interpolation(v1::INTERPOLATION_STEP);
  curve.set_name(std::string(kStepwiseName));
  for (const v1::Band& band : bands) {
    *curve.add_points() = Point(band.min_percent(), std::clamp(band.fraction(), 0.0, 1.0));
  }
  return curve;
}

v1::Curve CompletionCurveOf(v1::CompletionCurve curve,
                            const google::protobuf::RepeatedPtrField<v1::Band>& steps) {
  switch (curve) {
    case v1::COMPLETION_CURVE_THRESHOLD_60_LINEAR:
      return Preset(kPresetThreshold60Linear);
    case v1::COMPLETION_CURVE_STEPWISE:
      return BandCurve(steps);
    default:
      return Preset(kPresetProportional);
  }
}

v1::Curve ExecutionCurveOf(v1::ExecutionCurve curve,
                           const google::protobuf::RepeatedPtrField<v1::Band>& steps) {
  if (curve == v1::EXECUTION_CURVE_STEPWISE) return BandCurve(steps);
  return Preset(kPresetLinearCapped);
}

bool ReachesPercent(double rate_percent, double bound_percent) {
  return rate_percent >= bound_percent - kRateHair;
}

bool ExceedsPercent(double rate_percent, double bound_percent) {
  return rate_percent > bound_percent + kRateHair;
}

CurveReading ReadCurve(const v1::Curve& curve, double rate_percent) {
  CurveReading reading;
  const auto& points = curve.points();
  // The highest point the rate reaches; points rise, so the last one reached.
  int reached = -1;
  for (int i = 0; i < points.size() && ReachesPercent(rate_percent, points[i].percent()); ++i) {
    reached = i;
  }
  if (reached < 0) return reading;
  reading.from = &points[reached];
  const bool last = reached + 1 == points.size();
  if (curve.interpolation() != v1::INTERPOLATION_LINEAR || last) {
    reading.share = std::clamp(points[reached].share(), 0.0, 1.0);
    return reading;
  }
  const v1::CurvePoint& from = points[reached];
  const v1::CurvePoint& to = points[reached + 1];
  reading.to = &to;
  // Written as (rate − a) / (b − a) so that the presets reproduce their old
  // formulas exactly: rate / 100 and (rate − 60) / 40.
  const double along = (rate_percent - from.percent()) / (to.percent() - from.percent());
  const double share = from.share() == 0 && to.share() == 1
                           ? along
                           : from.share() + along * (to.share() - from.share());
  reading.share = std::clamp(share, from.share(), to.share());
  return reading;
}

absl::string_view CurveRuleName(const v1::Curve& curve) {
  if (!curve.preset().empty()) return curve.preset();
  if (!curve.name().empty()) return curve.name();
  return curve.interpolation() == v1::INTERPOLATION_STEP ? kStepwiseName : "curve";
}

}  // namespace jixiao::scoring
