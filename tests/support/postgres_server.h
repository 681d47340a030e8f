#pragma once

// A real PostgreSQL server for tests, from Debian's postgresql package:
// private, throwaway, on 127.0.0.1.
//
// Start() runs initdb into a fresh temporary directory (trust authentication,
// superuser "postgres", UTF8, C locale) and `pg_ctl -w start` on a free port
// with its Unix socket in that directory and fsync=on, so that durability
// tests mean something. If the port is taken between choosing and binding it,
// the start is retried on another. The destructor stops the server
// (`pg_ctl -m fast stop`) and deletes the directory, so a failing test leaves
// nothing behind. (If the test process is killed outright the server outlives
// it: pg_ctl detaches it. Its directory, /tmp/jixiao-postgres.*, names it.)
//
// PostgreSQL refuses to run as root. When the test runs as uid 0 (as CI does),
// initdb and pg_ctl run as the `postgres` system user that Debian's package
// creates (set in a forked child, no shell), and the directory, under /tmp so
// that user can reach it, is owned by it.
//
// Starting takes a few seconds: start one per test binary, not one per test,
// and give each test its own database (CreateDatabase).

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

namespace jixiao::testing {

class PostgresServer {
 public:
  // Binaries from JIXIAO_POSTGRES_BIN_DIR, else the newest
  // /usr/lib/postgresql/<version>/bin. FAILED_PRECONDITION when there are none.
  static absl::StatusOr<std::unique_ptr<PostgresServer>> Start();

  ~PostgresServer();
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  int port() const { return port_; }
  // "postgresql://postgres@127.0.0.1:<port>/<database>"
  std::string Url(absl::string_view database) const;

  // CREATE DATABASE, with the name quoted as an identifier.
  absl::Status CreateDatabase(absl::string_view name);
  // Runs SQL (one or more statements) on a database, for tests that need to
  // reach behind the code under test.
  absl::Status Execute(absl::string_view database, absl::string_view sql);
  // The rows of a query, each value as text ("" for NULL).
  absl::StatusOr<std::vector<std::vector<std::string>>> Query(absl::string_view database,
                                                              absl::string_view sql);

  // Stops the server (`pg_ctl -m fast stop`: sessions are ended, the port then refuses
  // connections), keeping its data; Restart starts it again on the same port. For tests of
  // what a client does while the database is away.
  absl::Status Stop();
  absl::Status Restart();

  // The server's log, for failure messages.
  std::string Log() const;

 private:
  // Who runs the server: the current user (nullopt), or `postgres` when we are root.
  using RunAs = std::optional<ChildProcess::User>;

  PostgresServer(std::string bin_dir, std::unique_ptr<TempDir> directory, RunAs run_as)
      : bin_dir_(std::move(bin_dir)), directory_(std::move(directory)), run_as_(run_as) {}

  // Runs a PostgreSQL program from bin_dir_ as run_as_, its output appended to
  // `log`; error with the log's tail unless it exits 0.
  absl::Status RunTool(const std::vector<std::string>& arguments, const std::string& log) const;
  absl::Status Initialize();
  absl::Status StartOnFreePort();
  // pg_ctl start on `port`, waiting until it accepts connections.
  absl::Status StartOn(int port);

  const std::string bin_dir_;
  // Destroyed last, after the destructor body has stopped the server.
  std::unique_ptr<TempDir> directory_;
  const RunAs run_as_;
  int port_ = 0;
  bool running_ = false;
};

}  // namespace jixiao::testing
