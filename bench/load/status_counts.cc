#include "bench/load/status_counts.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace jixiao::load {

std::string StatusCodeName(int code) {
  // gRPC's codes are absl's, number for number, and absl names them the way
  // the gRPC documentation does.
  if (code < 0 || code > static_cast<int>(grpc::StatusCode::UNAUTHENTICATED)) {
    return absl::StrCat("CODE_", code);
  }
  return absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
}

void StatusCounts::Add(grpc::StatusCode code) {
  int index = static_cast<int>(code);
  if (index < 0 || index >= kCodes) index = static_cast<int>(grpc::StatusCode::UNKNOWN);
  ++counts_[index];
}

void StatusCounts::Merge(const StatusCounts& other) {
  for (int i = 0; i < kCodes; ++i) counts_[i] += other.counts_[i];
}

int64_t StatusCounts::count(grpc::StatusCode code) const {
  const int index = static_cast<int>(code);
  return index < 0 || index >= kCodes ? 0 : counts_[index];
}

int64_t StatusCounts::total() const {
  int64_t sum = 0;
  for (int64_t n : counts_) sum += n;
  return sum;
}

std::vector<std::pair<std::string, int64_t>> StatusCounts::Named() const {
  std::vector<std::pair<std::string, int64_t>> named;
  for (int i = 0; i < kCodes; ++i) {
    if (counts_[i] > 0) named.emplace_back(StatusCodeName(i), counts_[i]);
  }
  return named;
}

}  // namespace jixiao::load
