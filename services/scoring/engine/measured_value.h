#pragma once

// What a target or actual value says, whether or not ingest filled `parsed`.

#include <optional>

#include "absl/strings/string_view.h"
#include "jixiao/v1/value.pb.h"

namespace jixiao::scoring {

// `value.parsed` when it is set; else the text parsed now. Empty text is ABSENT.
v1::ParsedValue ReadValue(const v1::MeasuredValue& value);

// A percentage as printed ("72.52", "100.00"); nullopt when empty or unreadable.
std::optional<double> ReadStatedPercent(absl::string_view text);

}  // namespace jixiao::scoring
