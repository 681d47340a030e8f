// Which loaded scheme a request means, and the refusals scoring and query share.
#include "common/domain/scheme_resolution/scheme_resolution.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/support/status_macros.h"

namespace jixiao::scheme_resolution {
namespace {

using ::testing::HasSubstr;

jixiao::v1::SchemeRef Ref(const std::string& id, int version) {
  jixiao::v1::SchemeRef ref;
  ref.set_id(id);
  ref.set_version(version);
  return ref;
}

jixiao::v1::SchemeRef Loaded(const std::string& id, int version) {
  jixiao::v1::SchemeRef ref = Ref(id, version);
  ref.set_content_hash(absl::StrCat(id, "-hash-", version));
  return ref;
}

const std::vector<jixiao::v1::SchemeRef> kLoaded = {
    Loaded("guangzhou-department", 1), Loaded("guangzhou-department", 3),
    Loaded("guangzhou-department", 2), Loaded("mof-2020-10", 1)};

TEST(SchemeResolutionTest, VersionZeroIsTheHighestLoaded) {
  ASSERT_OK_AND_ASSIGN(size_t at, ResolveScheme(Ref("guangzhou-department", 0), "other", kLoaded));
  EXPECT_EQ(kLoaded[at].version(), 3);
  EXPECT_EQ(kLoaded[at].content_hash(), "guangzhou-department-hash-3");
}

TEST(SchemeResolutionTest, EmptyIdIsTheDefault) {
  ASSERT_OK_AND_ASSIGN(size_t at, ResolveScheme(Ref("", 0), "mof-2020-10", kLoaded));
  EXPECT_EQ(kLoaded[at].id(), "mof-2020-10");
  EXPECT_EQ(kLoaded[at].version(), 1);
}

TEST(SchemeResolutionTest, ExplicitVersion) {
  ASSERT_OK_AND_ASSIGN(size_t at, ResolveScheme(Ref("guangzhou-department", 2), "", kLoaded));
  EXPECT_EQ(kLoaded[at].version(), 2);
}

TEST(SchemeResolutionTest, UnknownIdOrVersionIsNotFoundNamingIt) {
  absl::StatusOr<size_t> id = ResolveScheme(Ref("shenzhen", 0), "", kLoaded);
  EXPECT_EQ(id.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(id.status().message(),
            "scheme \"shenzhen\" is not loaded (loaded: guangzhou-department, mof-2020-10)");
  absl::StatusOr<size_t> version = ResolveScheme(Ref("guangzhou-department", 9), "", kLoaded);
  EXPECT_EQ(version.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(version.status().message(),
            "scheme \"guangzhou-department\" version 9 is not loaded (loaded versions: 1, 2, 3)");
  EXPECT_THAT(std::string(ResolveScheme(Ref("x", 0), "", {}).status().message()),
              HasSubstr("(loaded: none)"));
}

TEST(SchemeResolutionTest, NegativeVersionOrNoIdIsInvalid) {
  absl::StatusOr<size_t> negative = ResolveScheme(Ref("guangzhou-department", -1), "", kLoaded);
  EXPECT_EQ(negative.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(negative.status().message(), "scheme.version: must be 0 (latest) or positive, got -1");
  absl::StatusOr<size_t> no_id = ResolveScheme(Ref("", 0), "", kLoaded);
  EXPECT_EQ(no_id.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(no_id.status().message()), HasSubstr("scheme.id"));
}

TEST(SchemeResolutionTest, RefOfNamesIdVersionAndContentHash) {
  jixiao::v1::Scheme scheme;
  scheme.set_id("guangzhou-department");
  scheme.set_version(2);
  scheme.set_content_hash("abc");
  const jixiao::v1::SchemeRef ref = RefOf(scheme);
  EXPECT_EQ(ref.id(), "guangzhou-department");
  EXPECT_EQ(ref.version(), 2);
  EXPECT_EQ(ref.content_hash(), "abc");
}

}  // namespace
}  // namespace jixiao::scheme_resolution
