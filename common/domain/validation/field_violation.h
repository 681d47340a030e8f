#pragma once

#include <string>
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

}  // namespace jixiao::validation
