#include "common/platform/logging/log_sink.h"

#include <unistd.h>

#include <cerrno>
#include <string>

namespace jixiao::logging {

StderrLogSink& StderrLogSink::Instance() {
  static StderrLogSink* const sink = new StderrLogSink();  // never destroyed: usable at exit
  return *sink;
}

void StderrLogSink::Write(absl::string_view line) {
  std::string buffer(line);
  buffer.push_back('\n');
  std::lock_guard<std::mutex> lock(mu_);
  const char* data = buffer.data();
  size_t left = buffer.size();
  // A pipe may take a long line in pieces; finish it before the next line starts.
  while (left > 0) {
    const ssize_t written = ::write(STDERR_FILENO, data, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      return;  // Nowhere left to report a failing stderr.
    }
    data += written;
    left -= static_cast<size_t>(written);
  }
}

}  // namespace jixiao::logging
