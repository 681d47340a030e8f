#pragma once
// A cached scorecard passed through without being parsed. The cache holds
// serialized CachedScoreCard{scorecard = 1, computed_at_unix_ms = 2}; a
// GetScoreCardResponse is {scorecard = 1, freshness = 2}. The scorecard's
// bytes are the same in both, so a cached answer can copy them as they are
// instead of parsing several kilobytes into messages only to serialize them
// again: on the cached GetScoreCard path that round trip through protobuf was
// most of the service's own work (docs/benchmarks.md).
#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "jixiao/v1/query_service.pb.h"
#include "jixiao/v1/report.pb.h"

namespace jixiao::query {

struct CachedCardWire {
  // Serialized jixiao.v1.ScoreCard; points into the bytes read.
  absl::string_view scorecard;
  int64_t computed_at_unix_ms = 0;
  // The card's report ref (field 1 of the card), which the answer's freshness names.
  jixiao::v1::ReportRef report;
};

// Reads the envelope and the card's report ref; nullopt when the bytes are not
// a well-formed CachedScoreCard with a scorecard.
std::optional<CachedCardWire> ReadCachedCardWire(absl::string_view cached);

// The serialized GetScoreCardResponse holding `scorecard` (serialized
// ScoreCard bytes) and `freshness`.
std::string GetScoreCardResponseWire(absl::string_view scorecard,
                                     const jixiao::v1::Freshness& freshness);

}  // namespace jixiao::query
