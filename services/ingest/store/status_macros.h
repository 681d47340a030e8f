#pragma once

// Early-return helpers for the store's many fallible database calls. Prefixed,
// and private to services/ingest/store/, so they cannot clash with other code.

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define JIXIAO_STORE_CONCAT_INNER(a, b) a##b
#define JIXIAO_STORE_CONCAT(a, b) JIXIAO_STORE_CONCAT_INNER(a, b)

// Returns the status of `expr` (an absl::Status) when it is not OK.
#define STORE_RETURN_IF_ERROR(expr)                                 \
  do {                                                              \
    if (absl::Status store_status_ = (expr); !store_status_.ok()) { \
      return store_status_;                                         \
    }                                                               \
  } while (false)

// Declares `lhs` from the value of `expr` (an absl::StatusOr), or returns its status.
#define STORE_ASSIGN_OR_RETURN(lhs, expr) \
  STORE_ASSIGN_OR_RETURN_IMPL(JIXIAO_STORE_CONCAT(store_statusor_, __LINE__), lhs, expr)

#define STORE_ASSIGN_OR_RETURN_IMPL(statusor, lhs, expr)   \
  auto statusor = (expr);                                  \
  if (!statusor.ok()) return std::move(statusor).status(); \
  lhs = *std::move(statusor)
