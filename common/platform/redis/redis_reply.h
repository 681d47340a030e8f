#pragma once

// An owned copy of one Redis reply (RESP2). hiredis hands out `redisReply*` trees that must be
// freed with freeReplyObject; the library converts them into this value type straight away so
// that no hiredis memory outlives the call that read it.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace jixiao::redis {

class RedisReply {
 public:
  // RESP2 reply kinds. kStatus is a simple string ("+OK"); kError is an error reply ("-ERR ..."),
  // which appears here only inside arrays (EXEC results) or pipelines: a single command's error
  // reply is turned into an absl::Status by the caller-facing APIs.
  enum class Type { kNil, kInteger, kString, kStatus, kError, kArray };

  static RedisReply Nil();
  static RedisReply Integer(int64_t value);
  static RedisReply String(std::string bytes);
  static RedisReply Status(std::string text);
  static RedisReply Error(std::string message);
  static RedisReply Array(std::vector<RedisReply> elements);

  // A default reply is nil.
  RedisReply() = default;

  Type type() const { return type_; }
  bool is_nil() const { return type_ == Type::kNil; }
  bool is_integer() const { return type_ == Type::kInteger; }
  bool is_string() const { return type_ == Type::kString; }
  bool is_status() const { return type_ == Type::kStatus; }
  bool is_error() const { return type_ == Type::kError; }
  bool is_array() const { return type_ == Type::kArray; }

  // The integer of a kInteger reply; 0 for any other kind.
  int64_t integer() const { return integer_; }
  // The bytes of a kString reply, the text of a kStatus reply or the message of a kError reply;
  // empty for any other kind. Strings are binary-safe (may contain NUL bytes).
  const std::string& str() const { return str_; }
  // The elements of a kArray reply; empty for any other kind.
  const std::vector<RedisReply>& elements() const { return elements_; }

  // A readable rendering for logs and test failure messages, e.g. `["a", 1, nil]`.
  std::string DebugString() const;

  friend bool operator==(const RedisReply& a, const RedisReply& b);
  friend bool operator!=(const RedisReply& a, const RedisReply& b) { return !(a == b); }

 private:
  Type type_ = Type::kNil;
  int64_t integer_ = 0;
  std::string str_;
  std::vector<RedisReply> elements_;
};

absl::string_view RedisReplyTypeName(RedisReply::Type type);

}  // namespace jixiao::redis
