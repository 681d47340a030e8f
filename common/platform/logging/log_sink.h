#pragma once

// Where finished log lines go. Production writes to stderr; tests inject a
// RecordingLogSink to read what was logged.

#include <mutex>

#include "absl/strings/string_view.h"

namespace jixiao::logging {

class LogSink {
 public:
  virtual ~LogSink() = default;
  // Receives one complete line without its newline. Called from any thread.
  virtual void Write(absl::string_view line) = 0;
};

// Writes each line with its newline in a single write(2) to file descriptor 2,
// under a mutex, so that lines from concurrent threads never interleave.
class StderrLogSink final : public LogSink {
 public:
  // The process-wide sink for fd 2. It holds no state but its mutex.
  static StderrLogSink& Instance();

  void Write(absl::string_view line) override;

 private:
  StderrLogSink() = default;
  std::mutex mu_;
};

}  // namespace jixiao::logging
