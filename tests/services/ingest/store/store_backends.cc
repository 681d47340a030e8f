#include "tests/services/ingest/store/store_backends.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <map>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "services/ingest/store/postgres_schema.h"
#include "services/ingest/store/sqlite_schema.h"
#include "tests/support/postgres_server.h"
#include "tests/support/temp_dir.h"

namespace jixiao::ingest::testing {
namespace {

using ::jixiao::testing::PostgresServer;
using ::jixiao::testing::TempDir;

// The database that holds every test's schema: the one initdb made.
constexpr char kDatabase[] = "postgres";

class SqliteBackend : public StoreBackend {
 public:
  absl::StatusOr<std::string> NewDatabase() override {
    if (directory_ == nullptr) {
      auto directory = TempDir::Create("jixiao-store-test");
      if (!directory.ok()) return directory.status();
      directory_ = *std::move(directory);
    }
    return absl::StrCat("sqlite://", directory_->File(absl::StrCat("store-", ++count_, ".db")));
  }

  absl::Status Execute(absl::string_view url, absl::string_view sql) override {
    return Query(url, sql).status();
  }

  absl::StatusOr<Rows> Query(absl::string_view url, absl::string_view sql) override {
    absl::string_view path = url;
    if (!absl::ConsumePrefix(&path, "sqlite://")) {
      return absl::InvalidArgumentError(absl::StrCat("not a sqlite URL: ", url));
    }
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(std::string(path).c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK) {
      const std::string message = sqlite3_errmsg(db);
      sqlite3_close(db);
      return absl::UnavailableError(message);
    }
    sqlite3_busy_timeout(db, 5000);
    Rows rows;
    absl::Status status;
    const std::string script(sql);
    const char* next = script.c_str();
    while (status.ok() && *next != '\0') {
      sqlite3_stmt* statement = nullptr;
      if (sqlite3_prepare_v2(db, next, -1, &statement, &next) != SQLITE_OK) {
        status = absl::InternalError(sqlite3_errmsg(db));
        break;
      }
      if (statement == nullptr) break;  // only whitespace or comments left
      rows.clear();                     // a script answers with its last statement's rows
      int rc;
      while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        auto& values = rows.emplace_back();
        for (int i = 0; i < sqlite3_column_count(statement); ++i) {
          const auto* text = sqlite3_column_text(statement, i);
          values.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
        }
      }
      if (rc != SQLITE_DONE) status = absl::InternalError(sqlite3_errmsg(db));
      sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    if (!status.ok()) return status;
    return rows;
  }

  std::string FailingInsertTriggerSql(absl::string_view report_id) const override {
    return absl::StrCat(
        "CREATE TRIGGER fail_insert BEFORE INSERT ON reports WHEN NEW.report_id = '", report_id,
        "' BEGIN SELECT RAISE(ABORT, 'insert refused by test trigger'); END;");
  }

  int KnownSchemaVersion() const override { return static_cast<int>(SqliteMigrations().size()); }

 private:
  std::unique_ptr<TempDir> directory_;
  int count_ = 0;
};

// Owns the one PostgreSQL server of the test binary: started by the first test
// that needs it, stopped when all tests are done, also when some failed.
class PostgresEnvironment : public ::testing::Environment {
 public:
  static PostgresEnvironment* Instance() {
    static auto* const environment = static_cast<PostgresEnvironment*>(
        ::testing::AddGlobalTestEnvironment(new PostgresEnvironment));
    return environment;
  }

  absl::StatusOr<PostgresServer*> Server() {
    if (server_ == nullptr && start_error_.ok()) {
      auto server = PostgresServer::Start();
      if (server.ok()) {
        server_ = *std::move(server);
      } else {
        start_error_ = server.status();  // every later test fails fast with it
      }
    }
    if (!start_error_.ok()) return start_error_;
    return server_.get();
  }

  void TearDown() override { server_.reset(); }

 private:
  std::unique_ptr<PostgresServer> server_;
  absl::Status start_error_;
};

// Registered before main() runs, so that gtest calls TearDown at the end.
[[maybe_unused]] PostgresEnvironment* const kPostgresEnvironment = PostgresEnvironment::Instance();

// Each test gets a schema of its own in one shared database, named by the
// URL's search_path: creating a schema takes milliseconds, CREATE DATABASE
// (a copy of the template) takes a few hundred.
class PostgresBackend : public StoreBackend {
 public:
  absl::StatusOr<std::string> NewDatabase() override {
    static std::atomic<int> count{0};
    auto server = PostgresEnvironment::Instance()->Server();
    if (!server.ok()) return server.status();
    const std::string schema = absl::StrCat("store_test_", ++count);
    if (auto status = (*server)->Execute(kDatabase, absl::StrCat("CREATE SCHEMA ", schema));
        !status.ok()) {
      return status;
    }
    const std::string url =
        absl::StrCat((*server)->Url(kDatabase), "?options=-csearch_path%3D", schema);
    schema_by_url_[url] = schema;
    return url;
  }

  absl::Status Execute(absl::string_view url, absl::string_view sql) override {
    return Query(url, sql).status();
  }

  absl::StatusOr<Rows> Query(absl::string_view url, absl::string_view sql) override {
    auto server = PostgresEnvironment::Instance()->Server();
    if (!server.ok()) return server.status();
    const auto schema = schema_by_url_.find(std::string(url));
    if (schema == schema_by_url_.end()) {
      return absl::InvalidArgumentError(absl::StrCat("not a URL of this backend: ", url));
    }
    // A script answers with its last statement's rows.
    return (*server)->Query(kDatabase,
                            absl::StrCat("SET search_path TO ", schema->second, "; ", sql));
  }

  std::string FailingInsertTriggerSql(absl::string_view report_id) const override {
    return absl::StrCat(
        "CREATE FUNCTION fail_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "RAISE EXCEPTION 'insert refused by test trigger'; END $$; "
        "CREATE TRIGGER fail_insert BEFORE INSERT ON reports FOR EACH ROW "
        "WHEN (NEW.report_id = '",
        report_id, "') EXECUTE FUNCTION fail_insert();");
  }

  int KnownSchemaVersion() const override { return static_cast<int>(PostgresMigrations().size()); }

 private:
  std::map<std::string, std::string> schema_by_url_;
};

}  // namespace

std::unique_ptr<StoreBackend> MakeSqliteBackend() { return std::make_unique<SqliteBackend>(); }
std::unique_ptr<StoreBackend> MakePostgresBackend() { return std::make_unique<PostgresBackend>(); }

}  // namespace jixiao::ingest::testing
