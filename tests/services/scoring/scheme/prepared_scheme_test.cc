// A prepared scheme: validated once, when it is prepared (an invalid scheme
// cannot be prepared, so the engine never sees one), and holding what scoring
// derives from the rules: each variant's groups, each item's merged rules, and
// a number per item code.

#include "services/scoring/scheme/prepared_scheme.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/scoring/scheme/scheme_parser.h"
#include "services/scoring/scheme/scheme_set.h"
#include "tests/services/scoring/engine/scoring_test_support.h"
#include "tests/support/status_macros.h"

namespace jixiao::scoring {
namespace {

using ::testing::HasSubstr;

const v1::SchemeItem& Item(const v1::SchemeGroup& group, const std::string& code) {
  for (const v1::SchemeItem& item : group.items()) {
    if (item.code() == code) return item;
  }
  ADD_FAILURE() << "no item " << code;
  return v1::SchemeItem::default_instance();
}

TEST(PreparedScheme, AnInvalidSchemeIsRefusedWhenPreparedNamingItsFirstIssue) {
  v1::Scheme scheme = testing::ShippedScheme("mof-2020-10", 1);
  scheme.mutable_groups(0)->mutable_items(0)->set_max(11);
  const absl::StatusOr<PreparedScheme> prepared = PreparedScheme::Prepare(scheme);
  ASSERT_EQ(prepared.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(prepared.status().message()),
              HasSubstr("scheme mof-2020-10 v1 is not valid: items of group project add up to"));
}

TEST(PreparedScheme, EachVariantHasItsEffectiveGroups) {
  const PreparedScheme prepared = testing::ShippedPreparedScheme("guangzhou-department");
  const v1::Scheme& scheme = prepared.scheme();
  const EffectiveScheme& base = prepared.Effective(nullptr);
  ASSERT_EQ(base.groups.size(), 2u);
  EXPECT_EQ(base.groups[0], &scheme.groups(0));
  EXPECT_EQ(base.groups[1], &scheme.groups(1));

  // no_special_funds redefines 履职效能 and keeps the base 管理效率.
  const v1::SchemeVariant& variant = scheme.variants(0);
  const EffectiveScheme& no_funds = prepared.Effective(&variant);
  EXPECT_EQ(no_funds.variant, &variant);
  ASSERT_EQ(no_funds.groups.size(), 2u);
  EXPECT_EQ(no_funds.groups[0], &variant.groups(0));
  EXPECT_EQ(no_funds.groups[1], &scheme.groups(1));
  EXPECT_THAT(no_funds.indicator_item_codes,
              ::testing::ElementsAre("effectiveness.output", "effectiveness.benefit"));
  ASSERT_EQ(no_funds.indicator_items.size(), 2u);
  EXPECT_EQ(no_funds.indicator_items[0], &variant.groups(0).items(0));
  EXPECT_EQ(no_funds.indicator_items[1], &variant.groups(0).items(1));
}

TEST(PreparedScheme, AnItemsRulesAreTheSchemesOverriddenByTheItems) {
  ASSERT_OK_AND_ASSIGN(SchemeFile file,
                       ParseSchemeFile("example.textproto", testing::ReadmeExampleText()));
  const PreparedScheme prepared = testing::Prepared(file.scheme);
  const v1::SchemeGroup& effectiveness = prepared.scheme().groups(0);

  const v1::IndicatorRules& output =
      prepared.IndicatorRulesFor(Item(effectiveness, "effectiveness.output"));
  EXPECT_EQ(output.over_completion().policy(), v1::OVER_COMPLETION_POLICY_FLAG);
  const v1::IndicatorRules& benefit =
      prepared.IndicatorRulesFor(Item(effectiveness, "effectiveness.benefit"));
  EXPECT_EQ(benefit.over_completion().policy(), v1::OVER_COMPLETION_POLICY_PENALIZE);
  EXPECT_EQ(benefit.over_completion().threshold_percent(), 150);
  // Everything the item does not set is inherited.
  EXPECT_EQ(benefit.curve(), prepared.scheme().indicator_rules().curve());
  EXPECT_EQ(benefit.missing_value(), prepared.scheme().indicator_rules().missing_value());
}

TEST(PreparedScheme, EveryItemCodeHasOneNumber) {
  const PreparedScheme prepared = testing::ShippedPreparedScheme("guangzhou-department");
  const v1::Scheme& scheme = prepared.scheme();
  const v1::SchemeItem& base_output = Item(scheme.groups(0), "effectiveness.output");
  const v1::SchemeItem& variant_output = Item(scheme.variants(0).groups(0), "effectiveness.output");
  // The variant's item is another message with the same code: the same number.
  EXPECT_EQ(prepared.ItemCodeNumber(base_output), prepared.ItemCodeNumber(variant_output));
  EXPECT_EQ(prepared.ItemCodeNumber(base_output), prepared.ItemCodeNumber("effectiveness.output"));
  const v1::SchemeItem& sub = Item(scheme.groups(1), "management.execution").sub_items(0);
  EXPECT_GE(prepared.ItemCodeNumber(sub), 0);
  EXPECT_LT(prepared.ItemCodeNumber(sub), prepared.item_code_count());
  EXPECT_NE(prepared.ItemCodeNumber(sub), prepared.ItemCodeNumber(base_output));
  EXPECT_EQ(prepared.ItemCodeNumber("effectiveness"), -1);  // a group's code, not an item's
  EXPECT_EQ(prepared.ItemCodeNumber("no.such.item"), -1);
}

TEST(PreparedScheme, CopiesShareOnePreparedState) {
  const PreparedScheme prepared = testing::ShippedPreparedScheme("mof-2021-101");
  const PreparedScheme copy = prepared;
  EXPECT_EQ(&copy.scheme(), &prepared.scheme());
  EXPECT_EQ(&copy.Effective(nullptr), &prepared.Effective(nullptr));
}

TEST(SchemeSet, HoldsEachSchemePreparedAndRefusesAnInvalidOne) {
  SchemeSet set;
  SchemeFile valid;
  valid.scheme = testing::ShippedScheme("mof-2020-10", 1);
  valid.file_name = "mof.textproto";
  ASSERT_TRUE(set.Add(valid).ok());
  const PreparedScheme* prepared = set.FindPrepared("mof-2020-10", 0);
  ASSERT_NE(prepared, nullptr);
  EXPECT_EQ(&prepared->scheme(), set.Find("mof-2020-10", 1));
  EXPECT_EQ(set.FindPrepared("mof-2020-10", 2), nullptr);

  SchemeFile invalid = valid;
  invalid.scheme.set_version(2);
  invalid.scheme.mutable_groups(0)->mutable_items(0)->set_max(11);
  invalid.version_line = 4;
  const absl::Status refused = set.Add(invalid);
  EXPECT_EQ(refused.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(refused.message()), HasSubstr("mof.textproto:4: scheme mof-2020-10 v2"));
  EXPECT_EQ(set.Find("mof-2020-10", 2), nullptr);
  EXPECT_EQ(set.size(), 1u);
}

}  // namespace
}  // namespace jixiao::scoring
