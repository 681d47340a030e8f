#include "common/platform/access/access_policy.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "common/platform/access/caller_authenticator.h"
#include "common/platform/access/jurisdiction.h"
#include "common/platform/access/principal.h"
#include "tests/support/status_macros.h"

namespace jixiao::access {
namespace {

using ::testing::HasSubstr;

std::string Hash(const std::string& token) { return TokenSha256(token); }

std::string PolicyOf(const std::string& principals) {
  return absl::StrCat(R"({"principals": [)", principals, "]}");
}

TEST(JurisdictionTest, ADivisionCoversWhatItsCodeBeginsWith) {
  EXPECT_EQ(*JurisdictionPrefix("440000"), "44");
  EXPECT_EQ(*JurisdictionPrefix("440100"), "4401");
  EXPECT_EQ(*JurisdictionPrefix("440106"), "440106");
  EXPECT_EQ(*JurisdictionPrefix("440106001"), "440106001");
  EXPECT_FALSE(JurisdictionPrefix("4401").ok());
  EXPECT_FALSE(JurisdictionPrefix("44010a").ok());
  EXPECT_FALSE(JurisdictionPrefix("000000").ok());
  EXPECT_TRUE(Covers("4401", "440106001"));
  EXPECT_FALSE(Covers("440106", "440103"));
  EXPECT_FALSE(Covers("440106", ""));
  EXPECT_TRUE(Covers("", "440103"));
  EXPECT_EQ(DivisionOf("440106:finance/2023/department"), "440106");
  EXPECT_EQ(DivisionOf("no-division"), "");
}

TEST(PrincipalTest, RolesAndJurisdictionsDecideWritesAndDetail) {
  const Principal writer{"tianhe", Role::kWriter, "440106", "440106"};
  const Principal reader{"guangzhou", Role::kReader, "4401", "440100"};
  const Principal service{"services", Role::kService, "", ""};
  EXPECT_OK(CheckMayWrite(writer, "440106"));
  EXPECT_OK(CheckMayWrite(writer, "440106002"));  // its townships
  EXPECT_EQ(CheckMayWrite(writer, "440103").code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(CheckMayWrite(reader, "440106").code(), absl::StatusCode::kPermissionDenied);
  EXPECT_OK(CheckMayWrite(service, "110000"));
  EXPECT_OK(CheckMayReadDetail(reader, "440103"));
  EXPECT_OK(CheckMayReadDetail(writer, "440106"));
  const absl::Status other = CheckMayReadDetail(writer, "440103");
  EXPECT_EQ(other.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(other.message(), HasSubstr("tianhe may read report bodies and indicator detail of "
                                         "division 440106 only"));
  EXPECT_EQ(CheckMayReadDetail(reader, "").code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(CheckIsService(writer, "rescore a year").code(), absl::StatusCode::kPermissionDenied);
  EXPECT_OK(CheckIsService(service, "rescore a year"));
}

TEST(AccessPolicyTest, FindsPrincipalsByTokenHashAndCertificateName) {
  ASSERT_OK_AND_ASSIGN(
      AccessPolicy policy,
      AccessPolicy::Parse(PolicyOf(absl::StrCat(
          R"({"name": "tianhe", "role": "writer", "division": "440106", "token_sha256": [")",
          Hash("old"), R"(", ")", Hash("new"), R"("]},
             {"name": "services", "role": "service", "certificate_names": ["jixiao"]})"))));
  ASSERT_NE(policy.ByTokenSha256(Hash("old")), nullptr);
  EXPECT_EQ(policy.ByTokenSha256(Hash("new"))->name, "tianhe");
  EXPECT_EQ(policy.ByTokenSha256(Hash("new"))->jurisdiction, "440106");
  EXPECT_EQ(policy.ByTokenSha256(Hash("other")), nullptr);
  ASSERT_NE(policy.ByCertificateName("jixiao"), nullptr);
  EXPECT_EQ(policy.ByCertificateName("jixiao")->role, Role::kService);
}

TEST(AccessPolicyTest, RefusesWhatDoesNotHoldTogetherNamingTheField) {
  const std::string token = Hash("t");
  struct Case {
    std::string principals;
    std::string error;
  };
  const Case cases[] = {
      {R"({"name": "a", "role": "writer", "token_sha256": [")" + token + R"("]})",
       "principals[0].division: is required for a reader or a writer"},
      {R"({"name": "a", "role": "admin", "division": "440106", "token_sha256": [")" + token +
           R"("]})",
       "principals[0].role: must be \"reader\", \"writer\" or \"service\""},
      {R"({"name": "a", "role": "reader", "division": "4401", "token_sha256": [")" + token +
           R"("]})",
       "principals[0].division: must be a division code of 6, 9 or 12 digits"},
      {R"({"name": "a", "role": "reader", "division": "440100"})",
       "principals[0]: needs token_sha256 or certificate_names"},
      {R"({"name": "a", "role": "reader", "division": "440100", "token_sha256": ["abc"]})",
       "principals[0].token_sha256[0]: must be 64 hexadecimal digits"},
      {R"({"name": "a", "role": "service", "token_sha256": [")" + token +
           R"("]}, {"name": "b", "role": "service", "token_sha256": [")" + token + R"("]})",
       "principals[1].token_sha256[0]: is given twice"},
      {R"({"name": "a", "role": "service", "certificate_names": ["x"], "colour": 1})",
       "principals[0].colour: is not a field of a principal"},
      {R"({"name": "a", "role": "service", "division": "440100", "certificate_names": ["x"]})",
       "principals[0].division: a service principal acts everywhere"},
  };
  for (const Case& c : cases) {
    const absl::StatusOr<AccessPolicy> policy = AccessPolicy::Parse(PolicyOf(c.principals));
    ASSERT_FALSE(policy.ok()) << c.principals;
    EXPECT_THAT(policy.status().message(), HasSubstr(c.error));
  }
  EXPECT_THAT(AccessPolicy::Parse("{").status().message(), HasSubstr("not valid JSON"));
  EXPECT_THAT(AccessPolicy::Parse("{}").status().message(), HasSubstr("principals: is required"));
}

}  // namespace
}  // namespace jixiao::access
