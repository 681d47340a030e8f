#pragma once

// The trace id of the call the current thread is working for. While a ScopedCallTrace
// lives, every line a Logger writes on that thread carries `trace_id=`, so the lines of one
// request can be found across the three services' logs. Calls that block run on worker
// threads (RunBlocking), which set it for the call's work.

#include <string>

#include "absl/strings/string_view.h"

namespace jixiao::logging {

class ScopedCallTrace {
 public:
  explicit ScopedCallTrace(std::string trace_id);
  ~ScopedCallTrace();
  ScopedCallTrace(const ScopedCallTrace&) = delete;
  ScopedCallTrace& operator=(const ScopedCallTrace&) = delete;

 private:
  std::string trace_id_;
  const std::string* previous_;
};

// The innermost ScopedCallTrace's id on this thread; empty when none.
absl::string_view CurrentTraceId();

}  // namespace jixiao::logging
