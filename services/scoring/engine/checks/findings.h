#pragma once

// Findings are appended straight to the scorecard, their path and message
// written in place.

#include "absl/strings/string_view.h"
#include "google/protobuf/repeated_field.h"
#include "jixiao/v1/finding.pb.h"

namespace jixiao::scoring {

using Findings = google::protobuf::RepeatedPtrField<v1::Finding>;

// A new finding with its code and severity; the caller fills its field path and message.
v1::Finding& AddFinding(Findings& findings, absl::string_view code, v1::Severity severity);

}  // namespace jixiao::scoring
