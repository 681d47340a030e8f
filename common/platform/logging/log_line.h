#pragma once

// The text of one structured log line: `ts=... level=... event=... key=value ...`.
// Kept apart from any output so that the format is a pure, testable function.

#include <string>
#include <type_traits>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "common/platform/logging/log_level.h"

namespace jixiao::logging {

// One `key=value` pair. The value is rendered when the field is built, from
// anything absl::StrCat accepts (strings, integers, floating point) or a bool.
class LogField {
 public:
  LogField(absl::string_view key, const absl::AlphaNum& value) : key_(key), value_(value.Piece()) {}

  // Only an exact bool lands here: integers still go through AlphaNum, so that
  // `{"count", 3}` prints 3 rather than true.
  template <typename T, std::enable_if_t<std::is_same_v<T, bool>, int> = 0>
  LogField(absl::string_view key, T value) : key_(key), value_(value ? "true" : "false") {}

  absl::string_view key() const { return key_; }
  absl::string_view value() const { return value_; }

 private:
  absl::string_view key_;
  std::string value_;
};

// Renders a line without its trailing newline. The timestamp is RFC 3339 in UTC
// with milliseconds. Values that are empty or contain spaces, control bytes,
// quotes, backslashes or '=' are quoted with C-style escapes, so that every line
// splits unambiguously on spaces outside quotes; other bytes (UTF-8 Chinese
// text included) are written as they are. Key characters outside
// [A-Za-z0-9_.-] become '_'.
std::string FormatLogLine(absl::Time time, LogLevel level, absl::string_view event,
                          absl::Span<const LogField> fields);

// The value as it appears after `key=`, quoted when needed (see above).
std::string QuoteLogValue(absl::string_view value);

}  // namespace jixiao::logging
