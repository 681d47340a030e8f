#include "common/platform/logging/call_trace.h"

#include <utility>

namespace jixiao::logging {
namespace {

thread_local const std::string* current_trace_id = nullptr;

}  // namespace

ScopedCallTrace::ScopedCallTrace(std::string trace_id)
    : trace_id_(std::move(trace_id)), previous_(current_trace_id) {
  current_trace_id = &trace_id_;
}

ScopedCallTrace::~ScopedCallTrace() { current_trace_id = previous_; }

absl::string_view CurrentTraceId() {
  return current_trace_id != nullptr ? absl::string_view(*current_trace_id) : absl::string_view();
}

}  // namespace jixiao::logging
