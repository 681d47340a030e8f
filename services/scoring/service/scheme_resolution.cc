#include "services/scoring/service/scheme_resolution.h"

#include <vector>

namespace jixiao::scoring {

absl::StatusOr<const jixiao::v1::Scheme*> ResolveScheme(const SchemeSet& schemes,
                                                        const jixiao::v1::SchemeRef& requested,
                                                        absl::string_view default_id) {
  const std::vector<const jixiao::v1::Scheme*> all = schemes.All();
  std::vector<jixiao::v1::SchemeRef> refs;
  refs.reserve(all.size());
  for (const jixiao::v1::Scheme* scheme : all) refs.push_back(RefOf(*scheme));
  absl::StatusOr<size_t> resolved = scheme_resolution::ResolveScheme(requested, default_id, refs);
  if (!resolved.ok()) return resolved.status();
  return all[*resolved];
}

}  // namespace jixiao::scoring
