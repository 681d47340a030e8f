#pragma once
// A fixture for the scoring service's tests against Redis: a private
// redis-server per test (RedisServerFixture) and the shipped schemes, loaded.
#include <gtest/gtest.h>

#include <utility>

#include "services/scoring/scheme/scheme_loader.h"
#include "tests/common/platform/redis/redis_server_fixture.h"
#include "tests/services/scoring/engine/scoring_test_support.h"

namespace jixiao::scoring::testing {

class ScoringRedisFixture : public redis::RedisServerFixture {
 protected:
  void SetUp() override {
    RedisServerFixture::SetUp();
    if (HasFatalFailure()) return;
    absl::StatusOr<SchemeDirectory> loaded = LoadSchemeDirectory(SchemesDir());
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    schemes_ = *std::move(loaded);
  }

  SchemeDirectory schemes_;
};

}  // namespace jixiao::scoring::testing
