#pragma once

// Curves: a rate in percent (completion or execution) → a share of the weight.
// A scheme writes a curve as a named preset or as points; the schemes written
// before curves existed name a CompletionCurve or ExecutionCurve enum with bands,
// and each of those is a preset too. Everything is resolved into points once,
// when a scheme is prepared, so that the engine has one way to read a curve.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/repeated_field.h"
#include "jixiao/v1/scheme.pb.h"

namespace jixiao::scoring {

// The named presets (Curve.preset).
inline constexpr absl::string_view kPresetProportional = "proportional";
inline constexpr absl::string_view kPresetThreshold60Linear = "threshold_60_linear";
inline constexpr absl::string_view kPresetLinearCapped = "linear_capped";
// What the older enums' bands are called once resolved (ScoreLine.rule keeps it).
inline constexpr absl::string_view kStepwiseName = "stepwise";

// Every preset name, for error messages.
std::vector<absl::string_view> CurvePresetNames();

// The curve with its points filled in: a preset's points, or the written ones.
// `preset` stays set for a preset, so that its explanation can use its own words.
// InvalidArgument (the reason alone, no location) for an unknown preset, a preset
// with points, points without an interpolation, points that do not rise, or
// shares outside 0..1.
absl::StatusOr<v1::Curve> ResolveCurve(const v1::Curve& curve);

// The older enums as curves (already resolved).
v1::Curve CompletionCurveOf(v1::CompletionCurve curve,
                            const google::protobuf::RepeatedPtrField<v1::Band>& steps);
v1::Curve ExecutionCurveOf(v1::ExecutionCurve curve,
                           const google::protobuf::RepeatedPtrField<v1::Band>& steps);
v1::Curve BandCurve(const google::protobuf::RepeatedPtrField<v1::Band>& bands);

// Rates come out of divisions (1500 / 1000 × 100 may be 150.00000000000003):
// they are compared with a curve's points to within a hair far below any printed
// precision.
bool ReachesPercent(double rate_percent, double bound_percent);
bool ExceedsPercent(double rate_percent, double bound_percent);

// Where a rate falls on a resolved curve.
struct CurveReading {
  double share = 0;
  // STEP: the point reached (the highest at or below the rate); LINEAR: the
  // segment's start. Null below the first point.
  const v1::CurvePoint* from = nullptr;
  // LINEAR within a segment: its end; null at or beyond the last point.
  const v1::CurvePoint* to = nullptr;
};

// Below the first point 0; from the last point on, its share; between two points
// the earlier one's share (STEP) or the straight line between them (LINEAR).
// Never below 0 or above 1.
CurveReading ReadCurve(const v1::Curve& curve, double rate_percent);

// The rule name a scorecard line shows for the curve: the preset, the curve's
// name, else "stepwise" for steps and "curve" for a line.
absl::string_view CurveRuleName(const v1::Curve& curve);

}  // namespace jixiao::scoring
