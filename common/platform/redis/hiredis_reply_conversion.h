#pragma once

// Internal to common/redis: the one place that reads hiredis reply trees. Callers outside the
// library never see a redisReply.

#include "common/platform/redis/redis_reply.h"

struct redisReply;

namespace jixiao::redis {

// Deep-copies a hiredis reply (strings with their lengths, so binary-safe). The caller still
// owns and frees `reply`.
RedisReply ConvertHiredisReply(const redisReply& reply);

}  // namespace jixiao::redis
