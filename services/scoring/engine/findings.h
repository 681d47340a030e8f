#pragma once

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "jixiao/v1/finding.pb.h"

namespace jixiao::scoring {

v1::Finding MakeFinding(absl::string_view code, v1::Severity severity, absl::string_view field_path,
                        std::string message);

void AppendFindings(std::vector<v1::Finding>& to, std::vector<v1::Finding> from);

}  // namespace jixiao::scoring
