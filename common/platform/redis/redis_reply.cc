#include "common/platform/redis/redis_reply.h"

#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace jixiao::redis {

RedisReply RedisReply::Nil() { return RedisReply(); }

RedisReply RedisReply::Integer(int64_t value) {
  RedisReply reply;
  reply.type_ = Type::kInteger;
  reply.integer_ = value;
  return reply;
}

RedisReply RedisReply::String(std::string bytes) {
  RedisReply reply;
  reply.type_ = Type::kString;
  reply.str_ = std::move(bytes);
  return reply;
}

RedisReply RedisReply::Status(std::string text) {
  RedisReply reply;
  reply.type_ = Type::kStatus;
  reply.str_ = std::move(text);
  return reply;
}

RedisReply RedisReply::Error(std::string message) {
  RedisReply reply;
  reply.type_ = Type::kError;
  reply.str_ = std::move(message);
  return reply;
}

RedisReply RedisReply::Array(std::vector<RedisReply> elements) {
  RedisReply reply;
  reply.type_ = Type::kArray;
  reply.elements_ = std::move(elements);
  return reply;
}

std::string RedisReply::DebugString() const {
  switch (type_) {
    case Type::kNil:
      return "nil";
    case Type::kInteger:
      return absl::StrCat(integer_);
    case Type::kString:
      return absl::StrCat("\"", absl::CHexEscape(str_), "\"");
    case Type::kStatus:
      return absl::StrCat("status(", absl::CHexEscape(str_), ")");
    case Type::kError:
      return absl::StrCat("error(", absl::CHexEscape(str_), ")");
    case Type::kArray: {
      std::string out = "[";
      for (size_t i = 0; i < elements_.size(); ++i) {
        if (i > 0) out += ", ";
        out += elements_[i].DebugString();
      }
      return out + "]";
    }
  }
  return "?";
}

bool operator==(const RedisReply& a, const RedisReply& b) {
  return a.type_ == b.type_ && a.integer_ == b.integer_ && a.str_ == b.str_ &&
         a.elements_ == b.elements_;
}

absl::string_view RedisReplyTypeName(RedisReply::Type type) {
  switch (type) {
    case RedisReply::Type::kNil:
      return "nil";
    case RedisReply::Type::kInteger:
      return "integer";
    case RedisReply::Type::kString:
      return "string";
    case RedisReply::Type::kStatus:
      return "status";
    case RedisReply::Type::kError:
      return "error";
    case RedisReply::Type::kArray:
      return "array";
  }
  return "unknown";
}

}  // namespace jixiao::redis
