#include "services/scoring/engine/measured_value.h"

#include "absl/strings/ascii.h"
#include "absl/strings/strip.h"
#include "common/stated_percent/stated_percent.h"
#include "common/target_value/target_value_parser.h"

namespace jixiao::scoring {

v1::ParsedValue ReadValue(const v1::MeasuredValue& value) {
  if (value.parsed().kind() != v1::VALUE_KIND_UNSPECIFIED) return value.parsed();
  if (absl::StripAsciiWhitespace(value.text()).empty()) {
    v1::ParsedValue absent;
    absent.set_kind(v1::VALUE_KIND_ABSENT);
    absent.set_reason("no value given");
    return absent;
  }
  return target_value::ParseValue(value.text());
}

std::optional<double> ReadStatedPercent(absl::string_view text) {
  absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  absl::ConsumeSuffix(&trimmed, "%");
  if (trimmed.empty()) return std::nullopt;
  absl::StatusOr<stated_percent::StatedPercent> stated = stated_percent::Parse(trimmed);
  if (!stated.ok()) return std::nullopt;
  return stated->value;
}

}  // namespace jixiao::scoring
