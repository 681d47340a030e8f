#include "common/platform/url/url.h"

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace jixiao::url {
namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool AllDigits(absl::string_view text) {
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !text.empty();
}

}  // namespace

absl::StatusOr<UrlParts> SplitUrl(absl::string_view url) {
  const size_t colon = url.find(':');
  if (colon == absl::string_view::npos) {
    return absl::InvalidArgumentError("a URL needs a scheme (scheme:...)");
  }
  UrlParts parts;
  parts.scheme = absl::AsciiStrToLower(url.substr(0, colon));
  absl::string_view rest = url.substr(colon + 1);
  if (const size_t hash = rest.find('#'); hash != absl::string_view::npos) {
    parts.has_fragment = true;
    parts.fragment = std::string(rest.substr(hash + 1));
    rest = rest.substr(0, hash);
  }
  if (const size_t question = rest.find('?'); question != absl::string_view::npos) {
    parts.has_query = true;
    parts.query = std::string(rest.substr(question + 1));
    rest = rest.substr(0, question);
  }
  if (absl::ConsumePrefix(&rest, "//")) {
    parts.has_authority = true;
    const size_t slash = rest.find('/');
    parts.authority = std::string(rest.substr(0, slash));
    rest = slash == absl::string_view::npos ? absl::string_view() : rest.substr(slash);
  }
  parts.path = std::string(rest);
  return parts;
}

absl::StatusOr<Authority> ParseAuthority(const UrlParts& url, int example_port) {
  Authority authority;
  absl::string_view host_port = url.authority;
  if (const size_t at = host_port.rfind('@'); at != absl::string_view::npos) {
    authority.has_user_info = true;
    const absl::string_view user_info = host_port.substr(0, at);
    const size_t colon = user_info.find(':');
    auto user = PercentDecode(user_info.substr(0, colon));
    if (!user.ok()) return user.status();
    authority.user = *std::move(user);
    if (colon != absl::string_view::npos) {
      auto password = PercentDecode(user_info.substr(colon + 1));
      if (!password.ok()) return password.status();
      authority.has_password = true;
      authority.password = *std::move(password);
    }
    host_port = host_port.substr(at + 1);
  }

  absl::string_view host;
  absl::string_view port;
  if (absl::StartsWith(host_port, "[")) {
    const size_t close = host_port.find(']');
    if (close == absl::string_view::npos) {
      return absl::InvalidArgumentError("unclosed '[' in IPv6 host");
    }
    host = host_port.substr(1, close - 1);
    const absl::string_view after = host_port.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') {
        return absl::InvalidArgumentError("expected ':port' after the IPv6 host");
      }
      port = after.substr(1);
      if (port.empty()) return absl::InvalidArgumentError("empty port after ':'");
    }
  } else {
    const size_t colon = host_port.find(':');
    host = host_port.substr(0, colon);
    if (colon != absl::string_view::npos) {
      port = host_port.substr(colon + 1);
      if (port.empty()) return absl::InvalidArgumentError("empty port after ':'");
      if (absl::StrContains(port, ':')) {
        return absl::InvalidArgumentError(
            absl::StrCat("an IPv6 host must be written in brackets, e.g. ", url.scheme,
                         "://[::1]:", example_port));
      }
    }
  }
  authority.host = std::string(host);
  authority.port = std::string(port);
  return authority;
}

absl::StatusOr<int> ParsePort(absl::string_view text) {
  int port = 0;
  // Digits only: SimpleAtoi alone would accept a sign or surrounding spaces.
  if (!AllDigits(text) || text.size() > 5 || !absl::SimpleAtoi(text, &port) || port < 1 ||
      port > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("port \"", text, "\" is not a number in 1..65535"));
  }
  return port;
}

absl::StatusOr<std::string> PercentDecode(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    const int high = i + 2 < text.size() ? HexDigit(text[i + 1]) : -1;
    const int low = i + 2 < text.size() ? HexDigit(text[i + 2]) : -1;
    if (high < 0 || low < 0) {
      return absl::InvalidArgumentError(absl::StrCat("bad %-escape at offset ", i));
    }
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return out;
}

absl::StatusOr<std::vector<std::pair<std::string, std::string>>> ParseQuery(
    absl::string_view query) {
  std::vector<std::pair<std::string, std::string>> parameters;
  for (const absl::string_view piece : absl::StrSplit(query, '&', absl::SkipEmpty())) {
    const std::pair<absl::string_view, absl::string_view> name_value =
        absl::StrSplit(piece, absl::MaxSplits('=', 1));
    auto name = PercentDecode(absl::StrReplaceAll(name_value.first, {{"+", " "}}));
    if (!name.ok()) return name.status();
    auto value = PercentDecode(absl::StrReplaceAll(name_value.second, {{"+", " "}}));
    if (!value.ok()) return value.status();
    parameters.emplace_back(*std::move(name), *std::move(value));
  }
  return parameters;
}

}  // namespace jixiao::url
