#pragma once

// A thin structured logger: one line per event, `key=value` pairs, to a sink.
//
//   logger.Info("listening", {{"port", port}, {"address", address}});
//   → ts=2026-11-22T10:00:00.123Z level=info event=listening port=50051 address=0.0.0.0:50051
//
// A Logger is a small value (minimum level and a sink pointer) handed to the
// code that logs; there is no process-wide logger to configure, so tests give
// each component a RecordingLogSink of its own. A line logged while a call's
// ScopedCallTrace is active (call_trace.h) ends with that call's `trace_id=`.

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "common/platform/logging/log_level.h"
#include "common/platform/logging/log_line.h"
#include "common/platform/logging/log_sink.h"

namespace jixiao::logging {

class Logger {
 public:
  // Logs at `min_level` and above to `sink`, which must outlive every copy of
  // the logger. The default writes to stderr.
  explicit Logger(LogLevel min_level = LogLevel::kInfo, LogSink* sink = &StderrLogSink::Instance())
      : min_level_(min_level), sink_(sink) {}

  LogLevel min_level() const { return min_level_; }
  bool Enabled(LogLevel level) const { return level >= min_level_; }

  void Log(LogLevel level, absl::string_view event, absl::Span<const LogField> fields = {}) const;

  void Debug(absl::string_view event, absl::Span<const LogField> fields = {}) const {
    Log(LogLevel::kDebug, event, fields);
  }
  void Info(absl::string_view event, absl::Span<const LogField> fields = {}) const {
    Log(LogLevel::kInfo, event, fields);
  }
  void Warn(absl::string_view event, absl::Span<const LogField> fields = {}) const {
    Log(LogLevel::kWarn, event, fields);
  }
  void Error(absl::string_view event, absl::Span<const LogField> fields = {}) const {
    Log(LogLevel::kError, event, fields);
  }

 private:
  LogLevel min_level_;
  LogSink* sink_;
};

}  // namespace jixiao::logging
