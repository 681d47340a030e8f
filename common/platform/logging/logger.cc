#include "common/platform/logging/logger.h"

#include "absl/time/clock.h"

namespace jixiao::logging {

void Logger::Log(LogLevel level, absl::string_view event, absl::Span<const LogField> fields) const {
  if (!Enabled(level)) return;
  sink_->Write(FormatLogLine(absl::Now(), level, event, fields));
}

}  // namespace jixiao::logging
