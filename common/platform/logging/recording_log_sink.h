#pragma once

// A LogSink that keeps every line in memory, for tests that check what a
// component logged.

#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "common/platform/logging/log_sink.h"

namespace jixiao::logging {

class RecordingLogSink final : public LogSink {
 public:
  void Write(absl::string_view line) override;

  // A copy of the lines written so far, in order.
  std::vector<std::string> Lines() const;

  // The lines that contain every one of `parts` (e.g. "event=rpc", "status=OK").
  std::vector<std::string> LinesContaining(std::initializer_list<absl::string_view> parts) const;

  // Waits until a line containing every one of `parts` has been written, for
  // lines logged on another thread; false if none came within `timeout`.
  bool WaitForLine(std::initializer_list<absl::string_view> parts, absl::Duration timeout) const;

 private:
  mutable std::mutex mu_;
  mutable std::condition_variable written_;
  std::vector<std::string> lines_;
};

}  // namespace jixiao::logging
