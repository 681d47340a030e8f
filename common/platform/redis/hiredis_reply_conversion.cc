#include "common/platform/redis/hiredis_reply_conversion.h"

#include <hiredis/hiredis.h>

#include <string>
#include <utility>
#include <vector>

namespace jixiao::redis {

RedisReply ConvertHiredisReply(const redisReply& reply) {
  switch (reply.type) {
    case REDIS_REPLY_INTEGER:
      return RedisReply::Integer(reply.integer);
    case REDIS_REPLY_STRING:
      return RedisReply::String(std::string(reply.str, reply.len));
    case REDIS_REPLY_STATUS:
      return RedisReply::Status(std::string(reply.str, reply.len));
    case REDIS_REPLY_ERROR:
      return RedisReply::Error(std::string(reply.str, reply.len));
    case REDIS_REPLY_ARRAY: {
      std::vector<RedisReply> elements;
      elements.reserve(reply.elements);
      for (size_t i = 0; i < reply.elements; ++i) {
        elements.push_back(ConvertHiredisReply(*reply.element[i]));
      }
      return RedisReply::Array(std::move(elements));
    }
    case REDIS_REPLY_NIL:
    default:
      // hiredis 0.14 speaks RESP2 only, so there is nothing else to meet; nil is the safe
      // reading of anything unexpected.
      return RedisReply::Nil();
  }
}

}  // namespace jixiao::redis
