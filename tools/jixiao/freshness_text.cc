#include "tools/jixiao/freshness_text.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace jixiao::cli {
namespace {

// Enough of the scheme's SHA-256 to tell two contents apart by eye.
constexpr size_t kHashPrefix = 12;

}  // namespace

std::string FormatAge(int64_t age_ms) {
  if (age_ms < 0) age_ms = 0;  // clocks of two machines disagree; never print a negative age
  if (age_ms < 1000) return absl::StrCat(age_ms, " ms");
  if (age_ms < 60 * 1000) return absl::StrFormat("%.1f s", age_ms / 1000.0);
  const int64_t seconds = age_ms / 1000;
  if (seconds < 3600) return absl::StrCat(seconds / 60, " min ", seconds % 60, " s");
  return absl::StrCat(seconds / 3600, " h ", seconds % 3600 / 60, " min");
}

std::string FreshnessFooter(const jixiao::v1::Freshness& freshness) {
  const auto& scheme = freshness.scheme();
  std::string line = "freshness: scheme ";
  if (scheme.id().empty()) {
    absl::StrAppend(&line, "(not named)");
  } else {
    absl::StrAppend(&line, scheme.id(), "@", scheme.version());
  }
  if (!scheme.content_hash().empty()) {
    absl::StrAppend(&line, " (sha256 ", scheme.content_hash().substr(0, kHashPrefix), ")");
  }
  if (freshness.from_cache()) {
    absl::StrAppend(&line, ", from cache, age ", FormatAge(freshness.age_ms()));
  } else {
    absl::StrAppend(&line, ", computed now");
  }
  if (freshness.degraded()) absl::StrAppend(&line, ", degraded (cache unavailable)");
  if (freshness.reports_size() > 0) {
    absl::StrAppend(&line, ", ", freshness.reports_size(),
                    freshness.reports_size() == 1 ? " report" : " reports");
  }
  return line;
}

}  // namespace jixiao::cli
