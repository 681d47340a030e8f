#include "common/platform/logging/log_line.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"

namespace jixiao::logging {
namespace {

bool NeedsQuotes(absl::string_view value) {
  if (value.empty()) return true;
  for (unsigned char c : value) {
    if (c <= ' ' || c == 0x7f || c == '"' || c == '\\' || c == '=') return true;
  }
  return false;
}

void AppendKey(std::string& out, absl::string_view key) {
  for (char c : key) {
    const bool plain =
        absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
    out.push_back(plain ? c : '_');
  }
}

void AppendField(std::string& out, absl::string_view key, absl::string_view value) {
  out.push_back(' ');
  AppendKey(out, key);
  out.push_back('=');
  out += QuoteLogValue(value);
}

}  // namespace

std::string QuoteLogValue(absl::string_view value) {
  if (!NeedsQuotes(value)) return std::string(value);
  std::string out = "\"";
  for (unsigned char c : value) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < ' ' || c == 0x7f) {
          absl::StrAppendFormat(&out, "\\x%02x", c);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
  return out;
}

std::string FormatLogLine(absl::Time time, LogLevel level, absl::string_view event,
                          absl::Span<const LogField> fields) {
  std::string line = "ts=";
  line += absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", time, absl::UTCTimeZone());
  AppendField(line, "level", LogLevelName(level));
  AppendField(line, "event", event);
  for (const LogField& field : fields) AppendField(line, field.key(), field.value());
  return line;
}

}  // namespace jixiao::logging
