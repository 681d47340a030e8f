#include "tests/support/postgres_server.h"

#include <libpq-fe.h>
#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "tests/support/free_port.h"

namespace jixiao::testing {
namespace {

constexpr int kStartAttempts = 3;
constexpr char kSuperuser[] = "postgres";
// Bytes of a log quoted in an error.
constexpr size_t kLogTail = 3000;
// initdb and pg_ctl (which waits at most 60 s itself) finish well within this.
constexpr absl::Duration kToolPatience = absl::Minutes(3);

// JIXIAO_POSTGRES_BIN_DIR, else the highest-numbered /usr/lib/postgresql/<N>/bin.
absl::StatusOr<std::string> FindBinDir() {
  if (const char* configured = std::getenv("JIXIAO_POSTGRES_BIN_DIR");
      configured != nullptr && *configured != '\0') {
    return std::string(configured);
  }
  std::error_code error;
  int best_version = -1;
  std::string best;
  for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", error)) {
    int version = 0;
    const std::string bin = entry.path().string() + "/bin";
    if (absl::SimpleAtoi(entry.path().filename().string(), &version) && version > best_version &&
        access((bin + "/pg_ctl").c_str(), X_OK) == 0) {
      best_version = version;
      best = bin;
    }
  }
  if (best.empty()) {
    return absl::FailedPreconditionError(
        "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (install Debian's "
        "postgresql package or set JIXIAO_POSTGRES_BIN_DIR)");
  }
  return best;
}

std::string Tail(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  std::string text = out.str();
  if (text.size() > kLogTail) text = "…" + text.substr(text.size() - kLogTail);
  return text;
}

struct ConnectionDeleter {
  void operator()(PGconn* connection) const { PQfinish(connection); }
};
using Connection = std::unique_ptr<PGconn, ConnectionDeleter>;

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

std::string LibpqMessage(const char* message) {
  return std::string(absl::StripAsciiWhitespace(message != nullptr ? message : ""));
}

}  // namespace

absl::StatusOr<std::unique_ptr<PostgresServer>> PostgresServer::Start() {
  auto bin_dir = FindBinDir();
  if (!bin_dir.ok()) return bin_dir.status();

  RunAs run_as;
  if (geteuid() == 0) {
    const passwd* user = getpwnam("postgres");
    if (user == nullptr) {
      return absl::FailedPreconditionError(
          "running as root, and PostgreSQL refuses root, but there is no `postgres` user");
    }
    run_as = ChildProcess::User{user->pw_uid, user->pw_gid};
  }
  // As root the directory goes under /tmp: $TMPDIR may be somewhere (such as
  // /root/…) that the postgres user cannot reach.
  auto directory = TempDir::Create("jixiao-postgres", run_as.has_value() ? "/tmp" : "");
  if (!directory.ok()) return directory.status();
  if (run_as.has_value() && chown((*directory)->path().c_str(), run_as->uid, run_as->gid) != 0) {
    return absl::InternalError(
        absl::StrCat("chown ", (*directory)->path(), ": ", std::strerror(errno)));
  }

  std::unique_ptr<PostgresServer> server(
      new PostgresServer(*std::move(bin_dir), *std::move(directory), run_as));
  // On failure the destructor stops whatever started and removes the directory.
  if (auto status = server->Initialize(); !status.ok()) return status;
  if (auto status = server->StartOnFreePort(); !status.ok()) return status;
  return server;
}

PostgresServer::~PostgresServer() {
  if (!running_) return;
  const std::string data = directory_->File("data");
  const std::string log = directory_->File("pg_ctl.log");
  if (!RunTool({"pg_ctl", "-D", data, "-m", "fast", "-w", "-t", "60", "stop"}, log).ok()) {
    RunTool({"pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"}, log).IgnoreError();
  }
}

absl::Status PostgresServer::RunTool(const std::vector<std::string>& arguments,
                                     const std::string& log) const {
  ChildProcess::Options tool;
  tool.argv = arguments;
  tool.argv.front() = absl::StrCat(bin_dir_, "/", arguments.front());
  tool.stdout_path = log;
  tool.stderr_to = ChildProcess::Stderr::kToStdout;
  // pg_ctl detaches the server it starts, so a death signal would not reach it anyway.
  tool.death_signal = 0;
  tool.run_as = run_as_;
  // initdb insists on being able to stat its working directory.
  tool.working_directory = directory_->path();
  absl::StatusOr<std::unique_ptr<ChildProcess>> started = ChildProcess::Start(tool);
  if (!started.ok()) return started.status();
  absl::StatusOr<int> status = (*started)->WaitForExit(kToolPatience);
  if (!status.ok()) return status.status();
  if (WIFEXITED(*status) && WEXITSTATUS(*status) == 0) return absl::OkStatus();
  return absl::InternalError(absl::StrCat(
      arguments.front(), " failed (", DescribeWaitStatus(*status), "); its output:\n", Tail(log)));
}

absl::Status PostgresServer::Initialize() {
  // -N: initdb's own final fsync is skipped (a test cluster need not survive a
  // power cut while it is being created); the running server has fsync=on.
  return RunTool({"initdb", "-D", directory_->File("data"), "-U", kSuperuser, "-A", "trust", "-E",
                  "UTF8", "--no-locale", "-N"},
                 directory_->File("initdb.log"));
}

absl::Status PostgresServer::StartOn(int port) {
  // pg_ctl hands -o to a shell: the directory (from mkdtemp) has no quotes.
  const std::string options = absl::StrCat("-c listen_addresses=127.0.0.1 -p ", port, " -k '",
                                           directory_->path(), "' -c fsync=on");
  absl::Status started =
      RunTool({"pg_ctl", "-D", directory_->File("data"), "-l", directory_->File("postgres.log"),
               "-w", "-t", "60", "-o", options, "start"},
              directory_->File("pg_ctl.log"));
  if (started.ok()) {
    port_ = port;
    running_ = true;
  }
  return started;
}

absl::Status PostgresServer::StartOnFreePort() {
  absl::Status last;
  for (int attempt = 1; attempt <= kStartAttempts; ++attempt) {
    auto port = PickFreePort();
    if (!port.ok()) return port.status();
    last = StartOn(*port);
    if (last.ok()) return absl::OkStatus();
    // Most likely the port was taken meanwhile. Make sure no half-started
    // server is left before trying another port.
    RunTool({"pg_ctl", "-D", directory_->File("data"), "-m", "immediate", "-w", "stop"},
            directory_->File("pg_ctl.log"))
        .IgnoreError();
  }
  return absl::UnavailableError(absl::StrCat("PostgreSQL did not start in ", kStartAttempts,
                                             " attempts: ", last.message(), "\nserver log:\n",
                                             Log()));
}

absl::Status PostgresServer::Stop() {
  if (!running_) return absl::OkStatus();
  absl::Status stopped =
      RunTool({"pg_ctl", "-D", directory_->File("data"), "-m", "fast", "-w", "-t", "60", "stop"},
              directory_->File("pg_ctl.log"));
  if (stopped.ok()) running_ = false;
  return stopped;
}

absl::Status PostgresServer::Restart() {
  if (absl::Status stopped = Stop(); !stopped.ok()) return stopped;
  return StartOn(port_);
}

std::string PostgresServer::Url(absl::string_view database) const {
  return absl::StrCat("postgresql://", kSuperuser, "@127.0.0.1:", port_, "/", database);
}

std::string PostgresServer::Log() const { return Tail(directory_->File("postgres.log")); }

absl::Status PostgresServer::CreateDatabase(absl::string_view name) {
  Connection connection(PQconnectdb(Url("postgres").c_str()));
  if (PQstatus(connection.get()) != CONNECTION_OK) {
    return absl::UnavailableError(LibpqMessage(PQerrorMessage(connection.get())));
  }
  char* quoted = PQescapeIdentifier(connection.get(), name.data(), name.size());
  if (quoted == nullptr) {
    return absl::InvalidArgumentError(LibpqMessage(PQerrorMessage(connection.get())));
  }
  const std::string sql = absl::StrCat("CREATE DATABASE ", quoted);
  PQfreemem(quoted);
  Result result(PQexec(connection.get(), sql.c_str()));
  if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
    return absl::InternalError(
        absl::StrCat(sql, ": ", LibpqMessage(PQerrorMessage(connection.get()))));
  }
  return absl::OkStatus();
}

absl::Status PostgresServer::Execute(absl::string_view database, absl::string_view sql) {
  return Query(database, sql).status();
}

absl::StatusOr<std::vector<std::vector<std::string>>> PostgresServer::Query(
    absl::string_view database, absl::string_view sql) {
  Connection connection(PQconnectdb(Url(database).c_str()));
  if (PQstatus(connection.get()) != CONNECTION_OK) {
    return absl::UnavailableError(LibpqMessage(PQerrorMessage(connection.get())));
  }
  Result result(PQexec(connection.get(), std::string(sql).c_str()));
  const ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return absl::InternalError(
        absl::StrCat(sql, ": ", LibpqMessage(PQerrorMessage(connection.get()))));
  }
  std::vector<std::vector<std::string>> rows;
  for (int row = 0; row < PQntuples(result.get()); ++row) {
    auto& values = rows.emplace_back();
    for (int column = 0; column < PQnfields(result.get()); ++column) {
      values.emplace_back(PQgetvalue(result.get(), row, column));
    }
  }
  return rows;
}

}  // namespace jixiao::testing
