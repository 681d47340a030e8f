#include "common/platform/tracing/trace_context.h"

#include <cstdint>

#include "absl/random/distributions.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace jixiao::tracing {
namespace {

constexpr size_t kVersion00Length = 55;  // 2 + 1 + 32 + 1 + 16 + 1 + 2

bool IsLowerHex(absl::string_view text, size_t length) {
  if (text.size() != length) return false;
  for (char c : text) {
    if (!absl::ascii_isdigit(c) && !(c >= 'a' && c <= 'f')) return false;
  }
  return true;
}

bool AllZero(absl::string_view hex) {
  return hex.find_first_not_of('0') == absl::string_view::npos;
}

// `bytes` random bytes as lowercase hex, never all zero.
std::string RandomHex(int bytes, absl::BitGenRef random) {
  std::string raw(static_cast<size_t>(bytes), '\0');
  do {
    for (char& byte : raw) byte = static_cast<char>(absl::Uniform<uint8_t>(random));
  } while (AllZero(absl::BytesToHexString(raw)));
  return absl::BytesToHexString(raw);
}

}  // namespace

std::optional<TraceContext> ParseTraceparent(absl::string_view header) {
  if (header.size() < kVersion00Length) return std::nullopt;
  const absl::string_view version = header.substr(0, 2);
  if (!IsLowerHex(version, 2) || version == "ff") return std::nullopt;
  if (version == "00" && header.size() != kVersion00Length) return std::nullopt;
  if (header.size() > kVersion00Length && header[kVersion00Length] != '-') return std::nullopt;
  if (header[2] != '-' || header[35] != '-' || header[52] != '-') return std::nullopt;
  TraceContext context;
  const absl::string_view trace_id = header.substr(3, 32);
  const absl::string_view span_id = header.substr(36, 16);
  const absl::string_view flags = header.substr(53, 2);
  if (!IsLowerHex(trace_id, 32) || AllZero(trace_id)) return std::nullopt;
  if (!IsLowerHex(span_id, 16) || AllZero(span_id)) return std::nullopt;
  if (!IsLowerHex(flags, 2)) return std::nullopt;
  context.trace_id = std::string(trace_id);
  context.span_id = std::string(span_id);
  context.flags = std::string(flags);
  return context;
}

std::string FormatTraceparent(const TraceContext& context) {
  return absl::StrCat("00-", context.trace_id, "-", context.span_id, "-", context.flags);
}

TraceContext ContinueTrace(const std::optional<TraceContext>& incoming, absl::BitGenRef random) {
  TraceContext next;
  if (incoming.has_value()) {
    next.trace_id = incoming->trace_id;
    next.flags = incoming->flags;
  } else {
    next.trace_id = RandomHex(16, random);
    next.flags = "00";
  }
  next.span_id = RandomHex(8, random);
  return next;
}

}  // namespace jixiao::tracing
