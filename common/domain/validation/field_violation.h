#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace jixiao::validation {

// One structural violation of the contract, at a field path such as
// "budget.breakdowns[1].lines[0].final.fen". It maps one to one onto
// google.rpc.BadRequest.FieldViolation.
struct FieldViolation {
  std::string field;
  std::string description;
};

using FieldViolations = std::vector<FieldViolation>;

// Violations listed at most; beyond them only a count is kept, so that a message with a
// million faults costs no more memory or time to refuse than one with a hundred.
inline constexpr size_t kMaxListedViolations = 100;

// Collects violations up to kMaxListedViolations and then counts them.
class ViolationCollector {
 public:
  void Add(std::string field, std::string description) {
    if (violations_.size() < kMaxListedViolations) {
      violations_.push_back({std::move(field), std::move(description)});
    } else if (omitted_++ == 0) {
      first_omitted_field_ = std::move(field);
    }
  }
  bool empty() const { return violations_.empty(); }

  // The violations listed, then, when some were not, one at the field of the first of
  // them that says how many.
  FieldViolations Take() {
    if (omitted_ > 0) {
      violations_.push_back({std::move(first_omitted_field_),
                             std::to_string(omitted_) + " more violations are not listed"});
    }
    omitted_ = 0;
    return std::move(violations_);
  }

 private:
  FieldViolations violations_;
  size_t omitted_ = 0;
  std::string first_omitted_field_;
};

}  // namespace jixiao::validation
