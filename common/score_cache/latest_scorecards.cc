#include "common/score_cache/latest_scorecards.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/score_cache/cache_keys.h"
#include "common/score_cache/redis_replies.h"

namespace jixiao::score_cache {
namespace {

// KEYS: catalog-ready, the latest-versions hash. ARGV: the scheme's card key
// prefix, then the report ids. Replies {0} when the catalog is not ready, else
// {1, version1, card1, version2, card2, ...} with version "0" and a nil card
// for an unknown report, and a nil card for a miss.
constexpr char kLatestScoreCardsLua[] = R"lua(
if redis.call('EXISTS', KEYS[1]) == 0 then return {0} end
local reply = {1}
for i = 2, #ARGV do
  local version = redis.call('HGET', KEYS[2], ARGV[i])
  if version then
    reply[#reply + 1] = version
    reply[#reply + 1] = redis.call('GET', ARGV[1] .. ARGV[i] .. '@' .. version)
  else
    reply[#reply + 1] = '0'
    reply[#reply + 1] = false
  end
end
return reply
)lua";

}  // namespace

LatestScoreCardReader::LatestScoreCardReader(redis::RedisPool* pool)
    : pool_(pool), script_(kLatestScoreCardsLua) {}

absl::StatusOr<LatestScoreCards> LatestScoreCardReader::Read(
    const jixiao::v1::SchemeRef& scheme, absl::Span<const std::string> report_ids) {
  const std::string keys[] = {CatalogReadyKey(), LatestVersionsKey()};
  std::vector<std::string> args;
  args.reserve(report_ids.size() + 1);
  args.push_back(ScoreCardKeyPrefix(scheme));
  args.insert(args.end(), report_ids.begin(), report_ids.end());
  absl::StatusOr<redis::RedisReply> reply = script_.Run(*pool_, keys, args);
  if (!reply.ok()) return reply.status();

  const std::vector<redis::RedisReply>& elements = reply->elements();
  if (!reply->is_array() || elements.empty() || !elements[0].is_integer()) {
    return UnexpectedReply(*reply, "reading the latest scorecards");
  }
  LatestScoreCards result;
  result.catalog_ready = elements[0].integer() == 1;
  if (!result.catalog_ready) return result;
  if (elements.size() != 1 + 2 * report_ids.size()) {
    return UnexpectedReply(*reply, "reading the latest scorecards");
  }
  result.reports.resize(report_ids.size());
  for (size_t i = 0; i < report_ids.size(); ++i) {
    const redis::RedisReply& version = elements[1 + 2 * i];
    const redis::RedisReply& card = elements[2 + 2 * i];
    LatestScoreCard& latest = result.reports[i];
    if (!version.is_string() || !absl::SimpleAtoi(version.str(), &latest.version)) {
      return UnexpectedReply(version, absl::StrCat("the latest version of ", report_ids[i]));
    }
    if (card.is_string()) latest.cached_card = card.str();
  }
  return result;
}

}  // namespace jixiao::score_cache
