#pragma once

// hiredis 0.14 writes with write(2), not send(MSG_NOSIGNAL): writing to a socket that Redis
// has closed raises SIGPIPE, whose default action kills the whole service at the first Redis
// restart. The library therefore ignores SIGPIPE itself rather than relying on every main().

namespace jixiao::redis {

// Sets SIGPIPE to SIG_IGN if it has the default (terminate) action; a handler or disposition
// the application installed is left alone. Writes to a closed socket then fail with EPIPE,
// which the connection reports as UNAVAILABLE. RedisConnection::Open calls it before every
// connect, which is rare and costs one sigaction query.
void IgnoreSigpipeIfDefault();

}  // namespace jixiao::redis
