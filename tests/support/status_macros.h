#pragma once

// Assertions on the statuses tests meet, absl::Status, absl::StatusOr and grpc::Status, that
// name the status when they fail, as absl/status/status_matchers.h does in later Abseil
// releases:
//
//   ASSERT_OK(store->Put(report));                        // any of the three
//   ASSERT_OK_AND_ASSIGN(const Card card, Score(report));  // the value of an absl::StatusOr

#include <grpcpp/support/status.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace jixiao::testing {

inline std::string StatusText(const absl::Status& status) { return status.ToString(); }
template <typename T>
std::string StatusText(const absl::StatusOr<T>& status_or) {
  return status_or.status().ToString();
}
inline std::string StatusText(const grpc::Status& status) {
  return std::to_string(status.error_code()) + ": " + status.error_message();
}

}  // namespace jixiao::testing

#define ASSERT_OK(...)                                                               \
  do {                                                                               \
    const auto& jixiao_status = (__VA_ARGS__);                                       \
    ASSERT_TRUE(jixiao_status.ok()) << ::jixiao::testing::StatusText(jixiao_status); \
  } while (false)

#define EXPECT_OK(...)                                                               \
  do {                                                                               \
    const auto& jixiao_status = (__VA_ARGS__);                                       \
    EXPECT_TRUE(jixiao_status.ok()) << ::jixiao::testing::StatusText(jixiao_status); \
  } while (false)

#define JIXIAO_STATUS_MACROS_CONCAT_INNER(a, b) a##b
#define JIXIAO_STATUS_MACROS_CONCAT(a, b) JIXIAO_STATUS_MACROS_CONCAT_INNER(a, b)

#define ASSERT_OK_AND_ASSIGN(lhs, ...)                                                     \
  JIXIAO_ASSERT_OK_AND_ASSIGN_IMPL(JIXIAO_STATUS_MACROS_CONCAT(status_or_, __LINE__), lhs, \
                                   __VA_ARGS__)

#define JIXIAO_ASSERT_OK_AND_ASSIGN_IMPL(status_or, lhs, ...) \
  auto status_or = (__VA_ARGS__);                             \
  ASSERT_TRUE(status_or.ok()) << status_or.status();          \
  lhs = std::move(status_or).value()
