#pragma once
// The access policy: which callers exist, how each proves who it is, and its role and
// jurisdiction. Written as a JSON file, read and checked once at start:
//
//   {"principals": [
//     {"name": "tianhe-finance", "role": "writer", "division": "440106",
//      "token_sha256": ["<64 hex digits: sha256 of the bearer token>"]},
//     {"name": "guangzhou-analysts", "role": "reader", "division": "440100",
//      "certificate_names": ["guangzhou-analysts"]},
//     {"name": "jixiao-services", "role": "service",
//      "certificate_names": ["jixiao-services"]}]}
//
// Tokens are kept as hashes only: the file gives nothing away if read, and a token is
// rotated by listing the new hash beside the old one until every client has moved. A
// certificate name matches the client certificate's subject common name or one of its
// DNS or URI alternative names. A reader or writer needs a division; a service has none.

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/platform/access/principal.h"

namespace jixiao::access {

class AccessPolicy {
 public:
  // INVALID_ARGUMENT naming the field ("principals[2].division: …") for a file that does
  // not hold together: bad JSON, unknown fields or roles, a name, token or certificate
  // name given twice, a principal with no way to prove who it is.
  static absl::StatusOr<AccessPolicy> Parse(absl::string_view json);

  const Principal* ByTokenSha256(absl::string_view hex_digest) const;
  const Principal* ByCertificateName(absl::string_view name) const;
  const std::vector<Principal>& principals() const { return principals_; }

 private:
  std::vector<Principal> principals_;
  absl::flat_hash_map<std::string, size_t> by_token_;
  absl::flat_hash_map<std::string, size_t> by_certificate_;
};

// The policy in `path`; the error names the file.
absl::StatusOr<std::shared_ptr<const AccessPolicy>> LoadAccessPolicy(const std::string& path);

}  // namespace jixiao::access
