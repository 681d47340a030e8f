#pragma once

// What a target or actual value says, whether or not ingest filled `parsed`,
// and a report's printed percentages.

#include <memory>
#include <optional>
#include <vector>

#include "absl/strings/string_view.h"
#include "common/domain/stated_percent/stated_percent.h"
#include "jixiao/v1/value.pb.h"

namespace jixiao::scoring {

// Values the engine had to parse itself, kept for as long as the scores that
// point at them: ingest stores every value parsed, so this stays empty in
// production and fills only for reports scored as submitted.
using ParsedValueStore = std::vector<std::unique_ptr<v1::ParsedValue>>;

// `value.parsed` when it is set by the current parser (target_value::kParserVersion);
// else the text parsed now (into `store`): a value stored by an older parser is
// read again, so that it gets the readings added since. Empty text is ABSENT ("no
// value given"), unless a stored value is all there is.
const v1::ParsedValue& ReadValue(const v1::MeasuredValue& value, ParsedValueStore& store);

// A percentage as printed ("72.52", "100.00%", " 95 "); nullopt when empty or unreadable.
std::optional<stated_percent::StatedPercent> ParseStatedPercent(absl::string_view text);

// Its value alone.
std::optional<double> ReadStatedPercent(absl::string_view text);

}  // namespace jixiao::scoring
