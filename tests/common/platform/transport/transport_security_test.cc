// TLS as the services serve it and their clients use it: a client trusting the CA
// that issued the server's certificate gets through, one trusting another CA does not,
// and a certificate replaced on disk is served without a restart.

#include "common/platform/transport/transport_security.h"

#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/platform/worker_pool/worker_pool.h"
#include "tests/common/platform/server/probe_service.h"
#include "tests/common/platform/server/test_client.h"
#include "tests/support/status_macros.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_certificates.h"

namespace jixiao::transport {
namespace {

using server::testing::CallUnary;
using server::testing::kEchoMethod;

class TransportSecurityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(directory_, testing::TempDir::Create("jixiao-tls"));
    ASSERT_OK_AND_ASSIGN(first_ca_, testing::TestCertificateAuthority::Create());
    ASSERT_OK_AND_ASSIGN(second_ca_, testing::TestCertificateAuthority::Create());
    Write("first-ca.pem", first_ca_->ca_pem());
    Write("second-ca.pem", second_ca_->ca_pem());
    ServeCertificateOf(*first_ca_);

    TransportSecurity security;
    security.cert_file = directory_->File("server.pem");
    security.key_file = directory_->File("server.key");
    security.reload = absl::Seconds(1);
    ASSERT_OK(CheckTransportSecurity(security));
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", ServerCredentialsFor(security), &port);
    builder.RegisterService(&probe_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    address_ = absl::StrCat("127.0.0.1:", port);
  }

  void TearDown() override {
    if (server_ != nullptr) server_->Shutdown();
  }

  void Write(const std::string& name, const std::string& content) {
    // Whole files appear at once, as a mounted Secret's do: the watcher never reads half.
    const std::string path = directory_->File(name);
    std::ofstream(path + ".new", std::ios::binary) << content;
    ASSERT_EQ(std::rename((path + ".new").c_str(), path.c_str()), 0);
  }

  void ServeCertificateOf(const testing::TestCertificateAuthority& ca) {
    ASSERT_OK_AND_ASSIGN(testing::IssuedCertificate issued,
                         ca.Issue("jixiao-test", {"IP:127.0.0.1"}));
    Write("server.key", issued.key_pem);
    Write("server.pem", issued.cert_pem);
  }

  // An Echo over a new channel that trusts the CA of `ca_file`.
  grpc::Status EchoTrusting(const std::string& ca_file) {
    TransportSecurity client;
    client.ca_file = directory_->File(ca_file);
    absl::StatusOr<ChannelFactory> channels = ChannelFactory::Create(client);
    EXPECT_TRUE(channels.ok()) << channels.status();
    if (!channels.ok()) return grpc::Status(grpc::StatusCode::INTERNAL, "no channel");
    return CallUnary(channels->Open(address_), kEchoMethod, "ping", absl::Seconds(5)).status;
  }

  std::unique_ptr<testing::TempDir> directory_;
  std::optional<testing::TestCertificateAuthority> first_ca_;
  std::optional<testing::TestCertificateAuthority> second_ca_;
  WorkerPool workers_{1, 4};
  server::testing::Gate gate_;
  server::testing::ProbeService probe_{workers_, gate_};
  std::unique_ptr<grpc::Server> server_;
  std::string address_;
};

TEST_F(TransportSecurityTest, OnlyAClientTrustingTheIssuerGetsThrough) {
  EXPECT_TRUE(EchoTrusting("first-ca.pem").ok());
  const grpc::Status untrusted = EchoTrusting("second-ca.pem");
  EXPECT_EQ(untrusted.error_code(), grpc::StatusCode::UNAVAILABLE) << untrusted.error_message();
}

TEST_F(TransportSecurityTest, AReplacedCertificateIsServedWithoutARestart) {
  ASSERT_TRUE(EchoTrusting("first-ca.pem").ok());
  ServeCertificateOf(*second_ca_);
  // The files are read again every --tls-reload-seconds (1 s here): poll for the new one.
  const absl::Time deadline = absl::Now() + absl::Seconds(30);
  while (!EchoTrusting("second-ca.pem").ok()) {
    ASSERT_LT(absl::Now(), deadline) << "the new certificate was never served";
    absl::SleepFor(absl::Milliseconds(100));  // polling interval, not synchronization
  }
  EXPECT_FALSE(EchoTrusting("first-ca.pem").ok()) << "the old certificate is still served";
}

}  // namespace
}  // namespace jixiao::transport
