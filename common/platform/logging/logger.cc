#include "common/platform/logging/logger.h"

#include <algorithm>
#include <vector>

#include "absl/time/clock.h"
#include "common/platform/logging/call_trace.h"

namespace jixiao::logging {

void Logger::Log(LogLevel level, absl::string_view event, absl::Span<const LogField> fields) const {
  if (!Enabled(level)) return;
  const absl::string_view trace_id = CurrentTraceId();
  const bool has_trace = std::any_of(fields.begin(), fields.end(), [](const LogField& field) {
    return field.key() == "trace_id";
  });
  if (trace_id.empty() || has_trace) {
    sink_->Write(FormatLogLine(absl::Now(), level, event, fields));
    return;
  }
  std::vector<LogField> traced(fields.begin(), fields.end());
  traced.emplace_back("trace_id", trace_id);
  sink_->Write(FormatLogLine(absl::Now(), level, event, traced));
}

}  // namespace jixiao::logging
