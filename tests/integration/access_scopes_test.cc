// Who may do what, end to end: the three services with an access policy, over TLS with
// client certificates and over plaintext on loopback with bearer tokens. A district's
// writer keeps to its district for writes and for detail, and still sees every
// district's totals and ranks; a city reader sees the detail of all its districts.
#include <gmock/gmock.h>
#include <grpcpp/client_context.h>
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/platform/access/caller_authenticator.h"
#include "common/platform/transport/transport_security.h"
#include "tests/common/platform/server/test_client.h"
#include "tests/integration/service_stack.h"
#include "tests/services/scoring/engine/scoring_test_support.h"
#include "tests/support/status_macros.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_certificates.h"

namespace jixiao::testing {
namespace {

using ::testing::HasSubstr;

constexpr char kScheme[] = "guangzhou-department";
constexpr char kTianheSeed[] = "tianhe-commerce-finance-bureau-2023";   // 440106, district A
constexpr char kLiwanSeed[] = "liwan-commerce-investment-bureau-2022";  // 440103, district B
constexpr char kLiwanReportId[] = "440103:commerce-investment/2022/department";
constexpr char kTianheReportId[] = "440106:commerce-finance/2023/department";

enum class Transport { kTls, kPlaintext };

// One identity: how a client of it connects.
struct Identity {
  transport::TransportSecurity security;
};

std::unique_ptr<grpc::ClientContext> Context() {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
  return context;
}

class AccessScopesTest : public ::testing::TestWithParam<Transport> {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(directory_, TempDir::Create("jixiao-access"));
    ASSERT_OK_AND_ASSIGN(TestCertificateAuthority ca, TestCertificateAuthority::Create());
    Write("ca.pem", ca.ca_pem());
    // The services' own certificate serves TLS and identifies them to each other.
    Issue(ca, "services", "jixiao-services", {"IP:127.0.0.1", "DNS:localhost"});
    Issue(ca, "tianhe", "tianhe-finance", {});
    Issue(ca, "guangzhou", "guangzhou-analysts", {});
    Issue(ca, "stranger", "nobody-we-know", {});
    for (const char* name : {"services", "tianhe", "guangzhou", "stranger"}) {
      Write(absl::StrCat(name, ".token"), absl::StrCat("token-of-", name, "\n"));
    }
    Write("policy.json", absl::StrCat(R"({"principals": [
            {"name": "jixiao-services", "role": "service",
             "certificate_names": ["jixiao-services"], "token_sha256": [")",
                                      access::TokenSha256("token-of-services"), R"("]},
            {"name": "tianhe-finance", "role": "writer", "division": "440106",
             "certificate_names": ["tianhe-finance"], "token_sha256": [")",
                                      access::TokenSha256("token-of-tianhe"), R"("]},
            {"name": "guangzhou-analysts", "role": "reader", "division": "440100",
             "certificate_names": ["guangzhou-analysts"], "token_sha256": [")",
                                      access::TokenSha256("token-of-guangzhou"), R"("]}]})"));

    StackOptions options;
    options.service_flags = {"--access-policy=" + Path("policy.json")};
    const Identity services = As("services");
    if (GetParam() == Transport::kTls) {
      options.service_flags.push_back("--tls-cert=" + services.security.cert_file);
      options.service_flags.push_back("--tls-key=" + services.security.key_file);
      options.service_flags.push_back("--tls-ca=" + services.security.ca_file);
    } else {
      options.service_flags.push_back("--token-file=" + services.security.token_file);
    }
    options.client = services.security;
    ASSERT_OK_AND_ASSIGN(stack_, ServiceStack::Start(options));

    // District B's report comes in through the services' identity, district A's through
    // its own writer.
    v1::SubmitReportResponse stored;
    ASSERT_OK(Submit(As("services"), kLiwanSeed, &stored));
    ASSERT_OK(Submit(As("tianhe"), kTianheSeed, &stored));
  }

  void TearDown() override {
    if (HasFailure() && stack_ != nullptr) std::cerr << stack_->Logs();
  }

  std::string Path(const std::string& name) const { return directory_->File(name); }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(Path(name), std::ios::binary) << text;
  }

  void Issue(const TestCertificateAuthority& ca, const std::string& name,
             const std::string& common_name, const std::vector<std::string>& alternative_names) {
    ASSERT_OK_AND_ASSIGN(IssuedCertificate issued, ca.Issue(common_name, alternative_names));
    Write(name + ".pem", issued.cert_pem);
    Write(name + ".key", issued.key_pem);
  }

  // Over TLS a client proves itself by its certificate, over plaintext by its token.
  Identity As(const std::string& name) const {
    Identity identity;
    if (GetParam() == Transport::kTls) {
      identity.security.ca_file = Path("ca.pem");
      if (name != "anonymous") {
        identity.security.cert_file = Path(name + ".pem");
        identity.security.key_file = Path(name + ".key");
      }
    } else if (name != "anonymous") {
      identity.security.token_file = Path(name + ".token");
    }
    return identity;
  }

  std::shared_ptr<grpc::Channel> Channel(const Identity& identity, const std::string& address) {
    absl::StatusOr<transport::ChannelFactory> channels =
        transport::ChannelFactory::Create(identity.security);
    EXPECT_TRUE(channels.ok()) << channels.status();
    return channels->Open(address);
  }

  absl::Status Submit(const Identity& identity, const std::string& seed,
                      v1::SubmitReportResponse* response) {
    v1::SubmitReportRequest request;
    *request.mutable_report() = scoring::testing::SeedReport(seed);
    auto stub = v1::IngestService::NewStub(Channel(identity, stack_->ingest_address()));
    return Status(stub->SubmitReport(Context().get(), request, response));
  }

  absl::Status ScoreCard(const Identity& identity, const std::string& report_id) {
    v1::GetScoreCardRequest request;
    request.set_report_id(report_id);
    request.mutable_scheme()->set_id(kScheme);
    v1::GetScoreCardResponse response;
    auto stub = v1::QueryService::NewStub(Channel(identity, stack_->query_address()));
    return Status(stub->GetScoreCard(Context().get(), request, &response));
  }

  absl::Status Report(const Identity& identity, const std::string& report_id) {
    v1::GetReportRequest request;
    request.set_report_id(report_id);
    v1::GetReportResponse response;
    auto stub = v1::IngestService::NewStub(Channel(identity, stack_->ingest_address()));
    return Status(stub->GetReport(Context().get(), request, &response));
  }

  absl::StatusOr<v1::GetReportHistoryResponse> History(const Identity& identity,
                                                       const std::string& report_id) {
    v1::GetReportHistoryRequest request;
    request.set_report_id(report_id);
    v1::GetReportHistoryResponse response;
    auto stub = v1::IngestService::NewStub(Channel(identity, stack_->ingest_address()));
    absl::Status status = Status(stub->GetReportHistory(Context().get(), request, &response));
    if (!status.ok()) return status;
    return response;
  }

  absl::StatusOr<v1::CompareResponse> Compare(const Identity& identity, int year) {
    v1::CompareRequest request;
    request.set_fiscal_year(year);
    request.mutable_scheme()->set_id(kScheme);
    v1::CompareResponse response;
    auto stub = v1::QueryService::NewStub(Channel(identity, stack_->query_address()));
    absl::Status status = Status(stub->Compare(Context().get(), request, &response));
    if (!status.ok()) return status;
    return response;
  }

  absl::StatusOr<v1::RankingResponse> Ranking(const Identity& identity, int year) {
    v1::RankingRequest request;
    request.set_fiscal_year(year);
    request.mutable_scheme()->set_id(kScheme);
    request.set_top_n(10);
    v1::RankingResponse response;
    auto stub = v1::QueryService::NewStub(Channel(identity, stack_->query_address()));
    absl::Status status = Status(stub->Ranking(Context().get(), request, &response));
    if (!status.ok()) return status;
    return response;
  }

  static absl::Status Status(const grpc::Status& status) {
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
  }

  std::unique_ptr<TempDir> directory_;
  std::unique_ptr<ServiceStack> stack_;
};

TEST_P(AccessScopesTest, ADistrictWriterWritesOnlyItsOwnDistrict) {
  v1::SubmitReportResponse response;
  const absl::Status other = Submit(As("tianhe"), kLiwanSeed, &response);
  EXPECT_EQ(other.code(), absl::StatusCode::kPermissionDenied) << other;
  EXPECT_THAT(other.message(), HasSubstr("tianhe-finance may submit reports of division 440106"));
  EXPECT_OK(Submit(As("tianhe"), kTianheSeed, &response));
  // A reader writes nothing, even in its own city.
  EXPECT_EQ(Submit(As("guangzhou"), kTianheSeed, &response).code(),
            absl::StatusCode::kPermissionDenied);
}

TEST_P(AccessScopesTest, ADistrictSeesOtherDistrictsTotalsAndRanksButNotTheirDetail) {
  const Identity tianhe = As("tianhe");
  EXPECT_OK(ScoreCard(tianhe, kTianheReportId));
  EXPECT_OK(Report(tianhe, kTianheReportId));
  const absl::Status detail = ScoreCard(tianhe, kLiwanReportId);
  EXPECT_EQ(detail.code(), absl::StatusCode::kPermissionDenied) << detail;
  EXPECT_THAT(detail.message(), HasSubstr("not of division \"440103\""));
  EXPECT_EQ(Report(tianhe, kLiwanReportId).code(), absl::StatusCode::kPermissionDenied);

  ASSERT_OK_AND_ASSIGN(v1::CompareResponse compare, Compare(tianhe, 2022));
  ASSERT_EQ(compare.rows_size(), 1);
  EXPECT_EQ(compare.rows(0).report_id(), kLiwanReportId);
  EXPECT_GT(compare.rows(0).total(), 0);
  // Ranks are aggregates too. District B's 2022 report is incomplete under this
  // scheme, so it is listed apart and never ranked: the call itself must be allowed.
  EXPECT_OK(Ranking(tianhe, 2022).status());
}

TEST_P(AccessScopesTest, EveryVersionRecordsWhoSubmittedItAndFromWhere) {
  const Identity city = As("guangzhou");
  ASSERT_OK_AND_ASSIGN(v1::GetReportHistoryResponse tianhe, History(city, kTianheReportId));
  ASSERT_EQ(tianhe.versions_size(), 1);
  EXPECT_EQ(tianhe.versions(0).ref().version(), 1);
  EXPECT_EQ(tianhe.versions(0).submitted_by(), "tianhe-finance");
  EXPECT_THAT(tianhe.versions(0).submitted_from(), HasSubstr("127.0.0.1:"));
  EXPECT_GT(tianhe.versions(0).stored_at_unix_ms(), 0);
  EXPECT_FALSE(tianhe.versions(0).ref().content_hash().empty());
  ASSERT_OK_AND_ASSIGN(v1::GetReportHistoryResponse liwan, History(city, kLiwanReportId));
  ASSERT_EQ(liwan.versions_size(), 1);
  EXPECT_EQ(liwan.versions(0).submitted_by(), "jixiao-services");

  // The audit is detail: district A does not see district B's.
  EXPECT_EQ(History(As("tianhe"), kLiwanReportId).status().code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_OK(History(As("tianhe"), kTianheReportId).status());
}

TEST_P(AccessScopesTest, TheCitySeesTheDetailOfEveryDistrict) {
  const Identity city = As("guangzhou");
  EXPECT_OK(ScoreCard(city, kLiwanReportId));
  EXPECT_OK(ScoreCard(city, kTianheReportId));
  EXPECT_OK(Report(city, kLiwanReportId));
  EXPECT_OK(Compare(city, 2023).status());
}

TEST_P(AccessScopesTest, StrangersAreRefusedAndHealthStaysOpen) {
  const absl::Status anonymous = ScoreCard(As("anonymous"), kTianheReportId);
  EXPECT_EQ(anonymous.code(), absl::StatusCode::kUnauthenticated) << anonymous;
  EXPECT_EQ(Compare(As("stranger"), 2022).status().code(), absl::StatusCode::kUnauthenticated);

  // Probes carry no credentials.
  ASSERT_OK_AND_ASSIGN(
      server::testing::Health health,
      server::testing::CheckHealth(Channel(As("anonymous"), stack_->query_address()), ""));
  EXPECT_EQ(health, server::testing::Health::kServing);
}

INSTANTIATE_TEST_SUITE_P(Transports, AccessScopesTest,
                         ::testing::Values(Transport::kTls, Transport::kPlaintext),
                         [](const ::testing::TestParamInfo<Transport>& param) {
                           return param.param == Transport::kTls ? "Tls" : "Plaintext";
                         });

}  // namespace
}  // namespace jixiao::testing
