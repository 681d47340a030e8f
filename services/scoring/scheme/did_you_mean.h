#pragma once

// " (did you mean "level1_codes"?)" for a misspelt name, so that a scheme
// author sees the fix beside the error.

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace jixiao::scoring {

// The candidate closest to `written` by edit distance (in bytes), when it is
// close enough to be a misspelling (at most a third of its length, and at least
// one edit allowed); empty otherwise.
std::string ClosestName(absl::string_view written, const std::vector<std::string>& candidates);

// " (did you mean \"x\"?)" or "".
std::string DidYouMean(absl::string_view written, const std::vector<std::string>& candidates);

}  // namespace jixiao::scoring
