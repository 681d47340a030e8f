#pragma once

// The schemes a process scores with, keyed by (id, version), each prepared for
// scoring when it is added (see prepared_scheme.h). No I/O.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "jixiao/v1/scheme.pb.h"
#include "services/scoring/scheme/prepared_scheme.h"
#include "services/scoring/scheme/scheme_parser.h"

namespace jixiao::scoring {

class SchemeSet {
 public:
  // Refuses a second file with the same (id, version), as
  // "file:line: <id> v<version> is already defined in <other file>", and a
  // scheme that does not validate (ParseSchemeFile's files always do).
  absl::Status Add(SchemeFile file);

  // The scheme with that id and version; version 0 means the latest. Null when absent.
  const v1::Scheme* Find(absl::string_view id, int version) const;

  // The same, prepared for the engine.
  const PreparedScheme* FindPrepared(absl::string_view id, int version) const;

  // Every scheme, ordered by id then version.
  std::vector<const v1::Scheme*> All() const;

  size_t size() const { return files_.size(); }

 private:
  struct Entry {
    std::string file_name;
    PreparedScheme prepared;
  };

  std::map<std::pair<std::string, int>, Entry> files_;
};

}  // namespace jixiao::scoring
