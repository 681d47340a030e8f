#include "services/query/cohorts_file.h"

#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace jixiao::query {

absl::StatusOr<NamedCohorts> LoadNamedCohorts(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot be read"));
  std::ostringstream text;
  text << in.rdbuf();
  absl::StatusOr<NamedCohorts> cohorts = NamedCohorts::Parse(text.str());
  if (!cohorts.ok()) {
    return absl::Status(cohorts.status().code(),
                        absl::StrCat(path, ": ", cohorts.status().message()));
  }
  return cohorts;
}

}  // namespace jixiao::query
