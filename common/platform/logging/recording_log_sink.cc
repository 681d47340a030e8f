#include "common/platform/logging/recording_log_sink.h"

#include "absl/strings/match.h"

namespace jixiao::logging {

namespace {

bool ContainsAll(absl::string_view line, std::initializer_list<absl::string_view> parts) {
  for (absl::string_view part : parts) {
    if (!absl::StrContains(line, part)) return false;
  }
  return true;
}

}  // namespace

void RecordingLogSink::Write(absl::string_view line) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    lines_.emplace_back(line);
  }
  written_.notify_all();
}

bool RecordingLogSink::WaitForLine(std::initializer_list<absl::string_view> parts,
                                   absl::Duration timeout) const {
  std::unique_lock<std::mutex> lock(mu_);
  return written_.wait_for(lock, absl::ToChronoNanoseconds(timeout), [&] {
    for (const std::string& line : lines_) {
      if (ContainsAll(line, parts)) return true;
    }
    return false;
  });
}

std::vector<std::string> RecordingLogSink::Lines() const {
  std::lock_guard<std::mutex> lock(mu_);
  return lines_;
}

std::vector<std::string> RecordingLogSink::LinesContaining(
    std::initializer_list<absl::string_view> parts) const {
  std::vector<std::string> matches;
  for (const std::string& line : Lines()) {
    if (ContainsAll(line, parts)) matches.push_back(line);
  }
  return matches;
}

}  // namespace jixiao::logging
