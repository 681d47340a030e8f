// Why: every target and actual value of every submitted report is parsed by
// ParseValue (normalization on ingest, the engine on a stale parser version), from
// text a department typed or a PDF extraction mangled: it must never crash, hang or
// read out of bounds, whatever the bytes. Its contract ("never fails") is checked too.
//
// Input: the value text. Up to the first newline it is also read as a target and
// the rest as its actual, and the two units are converted as the engine does.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/domain/target_value/parser_version.h"
#include "common/domain/target_value/target_value_parser.h"
#include "common/domain/target_value/unit_conversion.h"

namespace {

using jixiao::v1::ParsedValue;

void Check(bool condition) {
  if (!condition) std::abort();
}

// What the parser promises of every value (target_value_parser.h, value.proto).
void CheckValue(const ParsedValue& value) {
  Check(value.kind() != jixiao::v1::VALUE_KIND_UNSPECIFIED);
  Check(value.parser_version() == jixiao::target_value::kParserVersion);
  if (value.kind() == jixiao::v1::VALUE_KIND_QUANTITY) Check(std::isfinite(value.number()));
  if (value.kind() == jixiao::v1::VALUE_KIND_DEADLINE) Check(value.deadline().size() == 10);
  if (value.kind() == jixiao::v1::VALUE_KIND_QUALITATIVE ||
      value.kind() == jixiao::v1::VALUE_KIND_ABSENT) {
    Check(!value.reason().empty());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckValue(jixiao::target_value::ParseValue(text));

  const size_t newline = text.find('\n');
  if (newline == std::string_view::npos) return 0;
  const ParsedValue target = jixiao::target_value::ParseValue(text.substr(0, newline));
  const ParsedValue actual = jixiao::target_value::ParseValue(text.substr(newline + 1));
  CheckValue(target);
  CheckValue(actual);
  if (const auto factor =
          jixiao::target_value::UnitConversionFactor(actual.unit(), target.unit())) {
    Check(std::isfinite(*factor) && *factor > 0);
  }
  return 0;
}
