#include "common/domain/money/money.h"

#include <cstdlib>
#include <limits>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace jixiao::money {
namespace {

int FenDecimals(AmountUnit unit) {
  switch (unit) {
    case AmountUnit::kYuan:
      return 2;
    case AmountUnit::kWanYuan:
      return 6;
    case AmountUnit::kYiYuan:
      return 10;
  }
  return 2;
}

int64_t Pow10(int n) {
  int64_t r = 1;
  while (n-- > 0) r *= 10;
  return r;
}

}  // namespace

absl::StatusOr<int64_t> ParseAmountFen(absl::string_view text, AmountUnit unit) {
  const int max_decimals = FenDecimals(unit);
  bool negative = false;
  size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    negative = text[i] == '-';
    ++i;
  }
  int64_t whole = 0;
  int64_t fraction = 0;
  int decimals = 0;
  bool seen_digit = false;
  bool in_fraction = false;
  constexpr int64_t kLimit = std::numeric_limits<int64_t>::max() / 100;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      seen_digit = true;
      if (in_fraction) {
        if (++decimals > max_decimals) {
          return absl::InvalidArgumentError(absl::StrCat(
              "amount \"", text, "\" has more decimals than a whole number of 分 allows"));
        }
        fraction = fraction * 10 + (c - '0');
      } else {
        if (whole > kLimit) {
          return absl::InvalidArgumentError(absl::StrCat("amount \"", text, "\" is too large"));
        }
        whole = whole * 10 + (c - '0');
      }
    } else if (c == ',' && !in_fraction && seen_digit) {
      continue;
    } else if (c == '.' && !in_fraction) {
      in_fraction = true;
    } else {
      return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" is not a decimal amount"));
    }
  }
  if (!seen_digit) {
    return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" is not a decimal amount"));
  }
  const int64_t scale = Pow10(max_decimals);
  // One 分 is exactly 10^-max_decimals of the unit, so the amount in units of its
  // last allowed decimal is the amount in 分. The fraction counts in the bound:
  // "9223372036854.999999" 万元 has a whole part that fits and a sum that does not.
  const int64_t fraction_fen = fraction * Pow10(max_decimals - decimals);
  if (whole > (std::numeric_limits<int64_t>::max() - fraction_fen) / scale) {
    return absl::InvalidArgumentError(absl::StrCat("amount \"", text, "\" is too large"));
  }
  const int64_t fen = whole * scale + fraction_fen;
  return negative ? -fen : fen;
}

std::string FormatWanYuan(int64_t fen) {
  const bool negative = fen < 0;
  const uint64_t abs_fen =
      negative ? static_cast<uint64_t>(-(fen + 1)) + 1 : static_cast<uint64_t>(fen);
  const uint64_t whole = abs_fen / kFenPerWanYuan;
  uint64_t fraction = abs_fen % kFenPerWanYuan;  // six digits
  int digits = 6;
  while (digits > 2 && fraction % 10 == 0) {
    fraction /= 10;
    --digits;
  }
  return absl::StrFormat("%s%d.%0*d", negative ? "-" : "", whole, digits, fraction);
}

}  // namespace jixiao::money
