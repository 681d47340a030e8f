#pragma once

// How many calls ended with each gRPC status code. Only OK is a success: every
// other code, whether the server sent it or the client library made it up
// (UNAVAILABLE when the connection failed, DEADLINE_EXCEEDED when the deadline
// passed), is an error and is counted under its own name.

#include <grpcpp/support/status_code_enum.h>

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace jixiao::load {

// The canonical name of a code: "OK", "INVALID_ARGUMENT", "UNAVAILABLE", ...
// A number outside gRPC's 0..16 is named "CODE_<n>".
std::string StatusCodeName(int code);

class StatusCounts {
 public:
  // Counts one call. A code outside 0..16 (which gRPC never reports) is
  // counted as UNKNOWN rather than lost.
  void Add(grpc::StatusCode code);
  void Merge(const StatusCounts& other);

  int64_t count(grpc::StatusCode code) const;
  int64_t total() const;
  int64_t ok() const { return count(grpc::StatusCode::OK); }
  int64_t errors() const { return total() - ok(); }

  // The codes seen at least once, by name, in code order (OK first).
  std::vector<std::pair<std::string, int64_t>> Named() const;

 private:
  static constexpr int kCodes = 17;  // OK (0) .. UNAUTHENTICATED (16)
  std::array<int64_t, kCodes> counts_{};
};

}  // namespace jixiao::load
