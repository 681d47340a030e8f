#include "services/scoring/engine/findings.h"

#include <iterator>

namespace jixiao::scoring {

v1::Finding MakeFinding(absl::string_view code, v1::Severity severity, absl::string_view field_path,
                        std::string message) {
  v1::Finding finding;
  finding.set_code(std::string(code));
  finding.set_severity(severity);
  finding.set_field_path(std::string(field_path));
  finding.set_message(std::move(message));
  return finding;
}

void AppendFindings(std::vector<v1::Finding>& to, std::vector<v1::Finding> from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace jixiao::scoring
