#include "services/scoring/engine/checks/findings.h"

#include <string>

namespace jixiao::scoring {

namespace {

// Messages run to about a hundred bytes and are written piece by piece: one
// allocation up front rather than two or three as they grow.
constexpr size_t kMessageCapacity = 160;

}  // namespace

v1::Finding& AddFinding(Findings& findings, absl::string_view code, v1::Severity severity) {
  v1::Finding& finding = *findings.Add();
  finding.set_code(std::string(code));
  finding.set_severity(severity);
  finding.mutable_message()->reserve(kMessageCapacity);
  return finding;
}

}  // namespace jixiao::scoring
