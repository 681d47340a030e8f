#pragma once

// W3C Trace Context (https://www.w3.org/TR/trace-context/): the `traceparent` header that
// ties the calls of one request together across services,
//
//   traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01
//                ^  ^ trace-id (16 bytes, hex)        ^ parent-id     ^ flags
//
// Each jixiao service continues the trace its caller sent, or starts one when the caller
// sent none (or a malformed one), under a span id of its own, and sends that on to the
// services it calls. Pure: parsing, formatting and the ids' generation.

#include <optional>
#include <string>

#include "absl/random/bit_gen_ref.h"
#include "absl/strings/string_view.h"

namespace jixiao::tracing {

inline constexpr char kTraceparentHeader[] = "traceparent";

struct TraceContext {
  std::string trace_id;  // 32 lowercase hex digits, not all zero
  std::string span_id;   // 16 lowercase hex digits, not all zero: the sender's span
  std::string flags;     // 2 lowercase hex digits (01: sampled)
};

// The header's context, or nullopt when it is not a valid traceparent. Version 00 must be
// exactly 55 characters; a later version may carry more after a '-', which is ignored, as
// the specification asks. Version ff, upper-case hex and all-zero ids are invalid.
std::optional<TraceContext> ParseTraceparent(absl::string_view header);

// "00-<trace_id>-<span_id>-<flags>".
std::string FormatTraceparent(const TraceContext& context);

// What a service passes on while serving a call that carried `incoming`: the same trace id
// and flags with a new span id, or, without a valid incoming context, a new trace (flags 00).
TraceContext ContinueTrace(const std::optional<TraceContext>& incoming, absl::BitGenRef random);

}  // namespace jixiao::tracing
