#pragma once
// The cached scorecards of reports' latest versions, read in one round trip.
// Answering "the scorecard of report R" from the cache takes three facts:
// whether the catalog is ready, R's latest version, and the card cached for
// that version. Asked one by one they cost three round trips; one Lua script
// reads all three, and reads them consistently (nothing runs in between).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "common/platform/redis/redis_pool.h"
#include "common/score_cache/lua_script.h"
#include "jixiao/v1/scheme.pb.h"

namespace jixiao::score_cache {

struct LatestScoreCard {
  int64_t version = 0;  // 0: the catalog does not know the report
  // The serialized CachedScoreCard cached for that version under the scheme;
  // nullopt on a miss. Left unparsed: a reader may pass the card through as
  // bytes (services/query/logic/scorecard_wire.h).
  std::optional<std::string> cached_card;
};

struct LatestScoreCards {
  // False when Redis restarted and ingest has not republished the catalog
  // yet; then `reports` is empty and versions must be resolved elsewhere.
  bool catalog_ready = false;
  std::vector<LatestScoreCard> reports;  // in the order asked, when ready
};

class LatestScoreCardReader {
 public:
  // `pool` must outlive the reader.
  explicit LatestScoreCardReader(redis::RedisPool* pool);

  // `scheme` must be resolved (id and version).
  absl::StatusOr<LatestScoreCards> Read(const jixiao::v1::SchemeRef& scheme,
                                        absl::Span<const std::string> report_ids);

 private:
  redis::RedisPool* const pool_;
  LuaScript script_;
};

}  // namespace jixiao::score_cache
