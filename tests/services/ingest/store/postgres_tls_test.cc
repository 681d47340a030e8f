// The store over TLS to PostgreSQL: the URL's libpq parameters (sslmode=verify-full,
// sslrootcert) are honoured as given, so a server whose certificate does not chain to
// the CA named is refused, and one that does is used.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/ingest/store/report_store.h"
#include "tests/support/postgres_server.h"
#include "tests/support/status_macros.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_certificates.h"

namespace jixiao::ingest {
namespace {

using ::testing::HasSubstr;

class PostgresTlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(server_, testing::PostgresServer::Start());
    // Under /tmp, and owned by the server's user when that is not us (as root): the
    // server reads its key from here, and insists on the key being its own, mode 0600.
    ASSERT_OK_AND_ASSIGN(directory_, testing::TempDir::Create("jixiao-pg-tls", "/tmp"));
    ASSERT_OK_AND_ASSIGN(testing::TestCertificateAuthority ca,
                         testing::TestCertificateAuthority::Create());
    ASSERT_OK_AND_ASSIGN(testing::TestCertificateAuthority other_ca,
                         testing::TestCertificateAuthority::Create());
    ASSERT_OK_AND_ASSIGN(testing::IssuedCertificate issued,
                         ca.Issue("postgres", {"IP:127.0.0.1", "DNS:localhost"}));
    Write("server.pem", issued.cert_pem);
    Write("server.key", issued.key_pem);
    Write("ca.pem", ca.ca_pem());
    Write("other-ca.pem", other_ca.ca_pem());
    if (geteuid() == 0) {
      const passwd* user = getpwnam("postgres");
      ASSERT_NE(user, nullptr);
      for (const std::string& path :
           {directory_->path(), directory_->File("server.pem"), directory_->File("server.key")}) {
        ASSERT_EQ(chown(path.c_str(), user->pw_uid, user->pw_gid), 0) << path;
      }
    }
    ASSERT_OK(server_->Execute("postgres", absl::StrCat("ALTER SYSTEM SET ssl_cert_file = '",
                                                        directory_->File("server.pem"), "'")));
    ASSERT_OK(server_->Execute("postgres", absl::StrCat("ALTER SYSTEM SET ssl_key_file = '",
                                                        directory_->File("server.key"), "'")));
    ASSERT_OK(server_->Execute("postgres", "ALTER SYSTEM SET ssl = on"));
    ASSERT_OK(server_->Execute("postgres", "SELECT pg_reload_conf()"));
    ASSERT_OK(server_->CreateDatabase("tls"));
  }

  void Write(const std::string& name, const std::string& content) {
    const std::string path = directory_->File(name);
    std::ofstream(path, std::ios::binary) << content;
    chmod(path.c_str(), 0600);
  }

  std::string Url(const std::string& ca_file) const {
    return absl::StrCat(server_->Url("tls"), "?sslmode=verify-full&sslrootcert=", ca_file);
  }

  std::unique_ptr<testing::PostgresServer> server_;
  std::unique_ptr<testing::TempDir> directory_;
};

TEST_F(PostgresTlsTest, VerifiesTheServerAndStoresOverTls) {
  // The server takes up TLS once its postmaster has read the new settings: poll.
  absl::StatusOr<std::unique_ptr<ReportStore>> store;
  const absl::Time deadline = absl::Now() + absl::Seconds(30);
  do {
    store = OpenReportStore(Url(directory_->File("ca.pem")));
    if (store.ok()) break;
    absl::SleepFor(absl::Milliseconds(50));  // polling interval: the reload is asynchronous
  } while (absl::Now() < deadline);
  ASSERT_TRUE(store.ok()) << store.status() << "\n" << server_->Log();

  jixiao::v1::EvaluationReport report;
  report.set_report_id("440106:commerce-finance/2023/department");
  ASSERT_OK_AND_ASSIGN(auto outcomes, (*store)->PutReports({{report, "h", {}}}));
  ASSERT_OK(outcomes.at(0).status());
  ASSERT_OK_AND_ASSIGN(auto rows, server_->Query("tls",
                                                 "SELECT count(*) FROM pg_stat_ssl s JOIN "
                                                 "pg_stat_activity a ON a.pid = s.pid WHERE "
                                                 "s.ssl AND a.application_name = 'jixiao-ingest'"));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_NE(rows[0][0], "0") << "the store's connection is not encrypted";

  // A certificate that does not chain to the CA the URL names is refused.
  const absl::StatusOr<std::unique_ptr<ReportStore>> impostor =
      OpenReportStore(Url(directory_->File("other-ca.pem")));
  ASSERT_FALSE(impostor.ok());
  EXPECT_EQ(impostor.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(std::string(impostor.status().message()),
              ::testing::AnyOf(HasSubstr("certificate"), HasSubstr("SSL")));
}

}  // namespace
}  // namespace jixiao::ingest
