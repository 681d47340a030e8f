#include "services/scoring/engine/indicators/measured_value.h"

#include "absl/strings/ascii.h"
#include "absl/strings/strip.h"
#include "common/domain/target_value/parser_version.h"
#include "common/domain/target_value/target_value_parser.h"

namespace jixiao::scoring {
namespace {

const v1::ParsedValue& AbsentValue() {
  static const v1::ParsedValue* const absent = [] {
    auto* value = new v1::ParsedValue();
    value->set_kind(v1::VALUE_KIND_ABSENT);
    value->set_reason("no value given");
    return value;
  }();
  return *absent;
}

}  // namespace

const v1::ParsedValue& ReadValue(const v1::MeasuredValue& value, ParsedValueStore& store) {
  const v1::ParsedValue& stored = value.parsed();
  const bool has_stored = stored.kind() != v1::VALUE_KIND_UNSPECIFIED;
  // The production path: ingest parsed it with the current parser.
  if (has_stored && stored.parser_version() >= target_value::kParserVersion) return stored;
  if (absl::StripAsciiWhitespace(value.text()).empty()) {
    return has_stored ? stored : AbsentValue();  // nothing to parse again
  }
  store.push_back(std::make_unique<v1::ParsedValue>(target_value::ParseValue(value.text())));
  return *store.back();
}

std::optional<stated_percent::StatedPercent> ParseStatedPercent(absl::string_view text) {
  if (text.empty()) return std::nullopt;  // most indicators state none
  absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  absl::ConsumeSuffix(&trimmed, "%");
  if (trimmed.empty()) return std::nullopt;
  absl::StatusOr<stated_percent::StatedPercent> stated = stated_percent::Parse(trimmed);
  if (!stated.ok()) return std::nullopt;
  return *stated;
}

std::optional<double> ReadStatedPercent(absl::string_view text) {
  const std::optional<stated_percent::StatedPercent> stated = ParseStatedPercent(text);
  if (!stated.has_value()) return std::nullopt;
  return stated->value;
}

}  // namespace jixiao::scoring
