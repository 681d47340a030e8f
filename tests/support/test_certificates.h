#pragma once
// A private certificate authority for tests of TLS and mTLS: a CA and the certificates it
// issues, made in memory with OpenSSL (P-256 keys, valid for a day), written as PEM files
// wherever the test wants them.

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace jixiao::testing {

struct IssuedCertificate {
  std::string cert_pem;
  std::string key_pem;
};

class TestCertificateAuthority {
 public:
  static absl::StatusOr<TestCertificateAuthority> Create();

  // A certificate with subject CN `common_name` and, for a server, the alternative
  // names `dns:...` / `ip:...` given (e.g. "IP:127.0.0.1", "DNS:localhost"); usable for
  // both server and client authentication.
  absl::StatusOr<IssuedCertificate> Issue(const std::string& common_name,
                                          const std::vector<std::string>& alternative_names) const;

  const std::string& ca_pem() const { return ca_.cert_pem; }

 private:
  IssuedCertificate ca_;
};

}  // namespace jixiao::testing
