#pragma once
// Who is calling: the principal a call's bearer token or client certificate names in the
// access policy. Every handler asks first, before it reads or writes anything; health
// checks are served by gRPC itself and stay open.
//
//   absl::StatusOr<access::Principal> caller = authenticator.Authenticate(*context);
//   if (!caller.ok()) return server::FinishNow(context, caller.status());
//
// A token ("authorization: Bearer …") wins over a certificate, so one client may hold
// both while a token is being introduced. Tokens are compared by SHA-256 and never logged.

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "common/platform/access/access_policy.h"
#include "common/platform/access/principal.h"

namespace grpc {
class ServerContextBase;
}

namespace jixiao::access {

class CallerAuthenticator {
 public:
  // Without a policy every caller is Unrestricted(): a development setup.
  explicit CallerAuthenticator(std::shared_ptr<const AccessPolicy> policy = nullptr)
      : policy_(std::move(policy)) {}

  // The caller, or UNAUTHENTICATED saying what was missing or not recognised.
  absl::StatusOr<Principal> Authenticate(const grpc::ServerContextBase& context) const;

  bool enforcing() const { return policy_ != nullptr; }

 private:
  std::shared_ptr<const AccessPolicy> policy_;
};

// Lower-case hexadecimal SHA-256 of `token`: what the policy lists for it.
std::string TokenSha256(absl::string_view token);

}  // namespace jixiao::access
