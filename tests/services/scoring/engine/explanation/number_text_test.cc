// Figures as explanations print them. PrintFigure is written for speed; the
// reference below is the straightforward formulation it replaced, and the two
// must agree on every value, so that no explanation changes by a character.

#include "services/scoring/engine/explanation/number_text.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "services/scoring/engine/explanation/explanation_text.h"

namespace jixiao::scoring {
namespace {

double ReferencePowerOfTen(int decimals) {
  constexpr double kPowersOfTen[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
  return decimals >= 0 && decimals < 7 ? kPowersOfTen[decimals] : std::pow(10.0, decimals);
}

double ReferenceRoundTo(double value, int decimals) {
  const double scale = ReferencePowerOfTen(decimals);
  const double scaled = value * scale;
  const double nudge = std::copysign(1e-7, scaled);
  const double rounded = std::round(scaled + nudge) / scale;
  return rounded == 0 ? 0.0 : rounded;
}

std::string ReferenceFormatNumber(double value, int decimals) {
  const double rounded = ReferenceRoundTo(value, decimals);
  const double scale = ReferencePowerOfTen(decimals);
  if (decimals < 0 || decimals > 6 || !(std::abs(rounded) * scale < 9e15)) {
    return absl::StrFormat("%g", rounded);
  }
  const int64_t units = std::llround(rounded * scale);
  const uint64_t magnitude = units < 0 ? -static_cast<uint64_t>(units) : units;
  std::string digits = absl::StrCat(magnitude);
  if (static_cast<int>(digits.size()) <= decimals) {
    digits.insert(0, decimals + 1 - digits.size(), '0');
  }
  std::string text = digits.substr(0, digits.size() - decimals);
  std::string fraction = digits.substr(digits.size() - decimals);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  if (!fraction.empty()) absl::StrAppend(&text, ".", fraction);
  return units < 0 ? absl::StrCat("-", text) : text;
}

std::vector<double> Values() {
  std::vector<double> values = {0,
                                -0.0,
                                0.005,
                                -0.005,
                                0.045,
                                0.455,
                                0.91 * 0.5,
                                1.005,
                                2.675,
                                72.52,
                                740,
                                99.995,
                                150.00000000000003,
                                1e-9,
                                -1e-9,
                                123456789.125,
                                8.99e13,
                                9e13,
                                1.1258999068426e13,
                                4.5e15,
                                9e15,
                                1e17,
                                -1e17,
                                1e300,
                                std::numeric_limits<double>::infinity(),
                                -std::numeric_limits<double>::infinity(),
                                std::numeric_limits<double>::quiet_NaN(),
                                std::numeric_limits<double>::max(),
                                std::numeric_limits<double>::denorm_min()};
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> exponent(-8, 17);
  std::uniform_real_distribution<double> mantissa(-1, 1);
  for (int i = 0; i < 200000; ++i) values.push_back(mantissa(rng) * std::pow(10.0, exponent(rng)));
  // Decimal halves and their binary neighbours, where rounding is decided.
  std::uniform_int_distribution<int64_t> cents(-100000000, 100000000);
  for (int i = 0; i < 100000; ++i) {
    const double half = (static_cast<double>(cents(rng)) + 0.5) / 100;
    values.push_back(half);
    values.push_back(std::nextafter(half, 0.0));
    values.push_back(std::nextafter(half, 1e300));
  }
  return values;
}

TEST(NumberText, PrintsEveryFigureAsTheReferenceDoes) {
  for (double value : Values()) {
    for (int decimals = -1; decimals <= 7; ++decimals) {
      ASSERT_EQ(FormatNumber(value, decimals), ReferenceFormatNumber(value, decimals))
          << absl::StrFormat("%.17g", value) << " with " << decimals << " decimals";
    }
  }
}

TEST(NumberText, PercentsAndSharesAreFiguresWithASign) {
  EXPECT_EQ(FormatPercent(72.52), "72.52%");
  EXPECT_EQ(FormatPercent(740), "740%");
  EXPECT_EQ(FormatShare(0.5), "50%");
  EXPECT_EQ(FormatShare(0.9250000001), "92.5%");
  EXPECT_EQ(FormatWanYuan(602050000), "602.05万元");
  EXPECT_EQ(FormatWanYuan(6087400000), "6087.4万元");
}

TEST(ExplanationText, AssemblesPiecesInOrder) {
  std::string text = "报告";
  AppendText(text, "自评 ", Figure{9.5}, "/", Figure{10}, " 分，", 3, " 项，", Percent{99.814},
             "，", Share{0.5}, "，", Figure{0.125, 3}, "，", std::string("完"));
  EXPECT_EQ(text, "报告自评 9.5/10 分，3 项，99.81%，50%，0.125，完");
  EXPECT_EQ(Text(int64_t{-12}, size_t{7}, absl::string_view("x")), "-127x");
}

}  // namespace
}  // namespace jixiao::scoring
