// Which loaded scheme a request means.

#include "services/scoring/service/scheme_resolution.h"

#include <gtest/gtest.h>

#include "services/scoring/scheme/scheme_loader.h"
#include "tests/services/scoring/engine/scoring_test_support.h"
#include "tests/support/status_macros.h"

namespace jixiao::scoring {
namespace {

class SchemeResolutionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(SchemeDirectory loaded, LoadSchemeDirectory(testing::SchemesDir()));
    directory_ = std::move(loaded);
  }
  SchemeDirectory directory_;
};

TEST_F(SchemeResolutionTest, EmptyIdIsTheDefaultAndVersionZeroTheLatest) {
  absl::StatusOr<const v1::Scheme*> scheme =
      ResolveScheme(directory_.schemes, v1::SchemeRef(), "guangzhou-department");
  ASSERT_TRUE(scheme.ok()) << scheme.status();
  EXPECT_EQ((*scheme)->id(), "guangzhou-department");
  EXPECT_EQ((*scheme)->version(), directory_.schemes.Find("guangzhou-department", 0)->version());
  const v1::SchemeRef ref = RefOf(**scheme);
  EXPECT_EQ(ref.id(), "guangzhou-department");
  EXPECT_GT(ref.version(), 0);
  EXPECT_FALSE(ref.content_hash().empty());
}

TEST_F(SchemeResolutionTest, UnknownSchemesAndBadVersionsAreRefused) {
  v1::SchemeRef requested;
  requested.set_id("no-such-scheme");
  absl::StatusOr<const v1::Scheme*> scheme =
      ResolveScheme(directory_.schemes, requested, "guangzhou-department");
  EXPECT_EQ(scheme.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(scheme.status().message().find("no-such-scheme"), std::string::npos);

  requested.set_id("guangzhou-department");
  requested.set_version(999);
  EXPECT_EQ(ResolveScheme(directory_.schemes, requested, "").status().code(),
            absl::StatusCode::kNotFound);
  requested.set_version(-1);
  EXPECT_EQ(ResolveScheme(directory_.schemes, requested, "").status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace jixiao::scoring
