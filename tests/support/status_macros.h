#pragma once

// ASSERT_OK_AND_ASSIGN(lhs, expression): asserts that the absl::StatusOr `expression` is ok,
// naming its status when it is not, and moves its value into `lhs`, a declaration or a
// variable. One line for what tests otherwise write as a StatusOr, an ASSERT on it and
// dereferences after; as absl/status/status_matchers.h names it in later Abseil releases.

#include <gtest/gtest.h>

#include <utility>

#define JIXIAO_STATUS_MACROS_CONCAT_INNER(a, b) a##b
#define JIXIAO_STATUS_MACROS_CONCAT(a, b) JIXIAO_STATUS_MACROS_CONCAT_INNER(a, b)

#define ASSERT_OK_AND_ASSIGN(lhs, ...)                                                      \
  JIXIAO_ASSERT_OK_AND_ASSIGN_IMPL(JIXIAO_STATUS_MACROS_CONCAT(status_or_, __LINE__), lhs, \
                                   __VA_ARGS__)

#define JIXIAO_ASSERT_OK_AND_ASSIGN_IMPL(status_or, lhs, ...) \
  auto status_or = (__VA_ARGS__);                            \
  ASSERT_TRUE(status_or.ok()) << status_or.status();         \
  lhs = std::move(status_or).value()
