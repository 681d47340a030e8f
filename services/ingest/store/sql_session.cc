#include "services/ingest/store/sql_session.h"

namespace jixiao::ingest {

absl::StatusOr<SqlTransaction> SqlTransaction::BeginWrite(
    SqlSession* session, WriteKind kind, const std::vector<absl::string_view>& ids) {
  // Owned before it begins: a BEGIN that succeeded and a lock that then failed
  // still end in a rollback.
  SqlTransaction transaction(session);
  if (auto status = session->BeginWrite(kind, ids); !status.ok()) return status;
  return transaction;
}

SqlTransaction::~SqlTransaction() {
  // A failed COMMIT can leave the transaction open too. If even the ROLLBACK
  // fails, its error has nowhere to go: a pooled connection left inside a
  // transaction is dropped, and SQLite's next BEGIN reports it.
  if (session_ != nullptr && session_->InTransaction()) session_->Rollback().IgnoreError();
}

absl::Status SqlTransaction::Commit() {
  auto status = session_->Commit();
  if (status.ok()) session_ = nullptr;
  return status;
}

}  // namespace jixiao::ingest
