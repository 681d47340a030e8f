#include "services/scoring/scheme/did_you_mean.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace jixiao::scoring {
namespace {

// Names are short: the quadratic table is a few hundred cells.
size_t EditDistance(absl::string_view a, absl::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// Names longer than this are not compared: a typo in a sentence is no name.
constexpr size_t kLongestName = 80;

}  // namespace

std::string ClosestName(absl::string_view written, const std::vector<std::string>& candidates) {
  if (written.empty() || written.size() > kLongestName) return {};
  const size_t allowed = std::max<size_t>(1, written.size() / 3);
  std::string best;
  size_t best_distance = allowed + 1;
  for (const std::string& candidate : candidates) {
    if (candidate.size() > kLongestName || candidate == written) continue;
    const size_t distance = EditDistance(written, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::string DidYouMean(absl::string_view written, const std::vector<std::string>& candidates) {
  const std::string closest = ClosestName(written, candidates);
  return closest.empty() ? std::string() : absl::StrCat(" (did you mean \"", closest, "\"?)");
}

}  // namespace jixiao::scoring
