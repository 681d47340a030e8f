#pragma once

#include <string>
#include <vector>

namespace jixiao::redis {

// One Redis command as its argument vector, e.g. {"SET", key, value, "PX", "60000"}. Each
// argument is sent with its length, so keys and values may hold any bytes, NUL included.
using RedisCommand = std::vector<std::string>;

}  // namespace jixiao::redis
