#pragma once

// Severity of a log line. Lines below a logger's minimum level are dropped.

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace jixiao::logging {

enum class LogLevel { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };

// The word written after `level=`: "debug", "info", "warn" or "error".
absl::string_view LogLevelName(LogLevel level);

// Parses a level name as configured (JIXIAO_LOG_LEVEL): debug, info, warn (or
// warning), error; case-insensitive.
absl::StatusOr<LogLevel> ParseLogLevel(absl::string_view text);

}  // namespace jixiao::logging
