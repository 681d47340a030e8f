#pragma once

#include <string>
#include <vector>

namespace jixiao::cli {

// jixiao compare --year Y [--district CODE]… [--scheme ID[@V]] [--level L]
//   [--sector TAG]… [--cohort NAME] [--query HOST:PORT] [--timeout S] [--json]
// QueryService.Compare: departments re-scored under one scheme, ranked, each
// beside its own declaration, with the answer's freshness.
int RunCompare(const std::vector<std::string>& args);

}  // namespace jixiao::cli
