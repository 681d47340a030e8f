#include "common/domain/stated_percent/stated_percent.h"

#include <cmath>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace jixiao::stated_percent {

absl::StatusOr<StatedPercent> Parse(absl::string_view text) {
  StatedPercent stated;
  size_t i = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
  bool seen_digit = false;
  bool in_fraction = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      seen_digit = true;
      if (in_fraction) ++stated.decimals;
    } else if (c == '.' && !in_fraction) {
      in_fraction = true;
    } else {
      break;
    }
  }
  if (!seen_digit || i != text.size() || !absl::SimpleAtod(text, &stated.value)) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"", text, "\" is not a percentage printed as a decimal number"));
  }
  return stated;
}

double Tolerance(const StatedPercent& stated) {
  constexpr double kPublishedRounding = 0.01;
  // A hair of slack so that figures exactly on the boundary survive binary floating point.
  constexpr double kEpsilon = 1e-9;
  return 0.5 * std::pow(10.0, -stated.decimals) + kPublishedRounding + kEpsilon;
}

bool Matches(const StatedPercent& stated, double true_percent) {
  return std::fabs(stated.value - true_percent) <= Tolerance(stated);
}

}  // namespace jixiao::stated_percent
