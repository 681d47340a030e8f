#include "common/platform/access/caller_authenticator.h"

#include <grpc/grpc_security_constants.h>
#include <grpcpp/server_context.h>
#include <openssl/sha.h>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace jixiao::access {
namespace {

constexpr absl::string_view kBearer = "bearer ";

const Principal* ByCertificate(const AccessPolicy& policy, const grpc::AuthContext& auth) {
  if (!auth.IsPeerAuthenticated()) return nullptr;
  for (const char* property : {GRPC_X509_CN_PROPERTY_NAME, GRPC_X509_SAN_PROPERTY_NAME}) {
    for (const grpc::string_ref& value : auth.FindPropertyValues(property)) {
      const Principal* principal =
          policy.ByCertificateName(absl::string_view(value.data(), value.size()));
      if (principal != nullptr) return principal;
    }
  }
  return nullptr;
}

}  // namespace

std::string TokenSha256(absl::string_view token) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(token.data()), token.size(), digest);
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(digest), sizeof(digest)));
}

absl::StatusOr<Principal> CallerAuthenticator::Authenticate(
    const grpc::ServerContextBase& context) const {
  if (policy_ == nullptr) return Unrestricted();
  const auto& metadata = context.client_metadata();
  auto authorization = metadata.find("authorization");
  if (authorization != metadata.end()) {
    const absl::string_view value(authorization->second.data(), authorization->second.size());
    if (value.size() <= kBearer.size() || !absl::StartsWithIgnoreCase(value, kBearer)) {
      return absl::UnauthenticatedError("the authorization header must be \"Bearer <token>\"");
    }
    const Principal* principal = policy_->ByTokenSha256(TokenSha256(value.substr(kBearer.size())));
    if (principal == nullptr) {
      return absl::UnauthenticatedError("the bearer token is not one the access policy knows");
    }
    return *principal;
  }
  std::shared_ptr<const grpc::AuthContext> auth = context.auth_context();
  if (auth != nullptr && auth->IsPeerAuthenticated()) {
    if (const Principal* principal = ByCertificate(*policy_, *auth)) return *principal;
    return absl::UnauthenticatedError(
        "the client certificate names no principal of the access policy (its common name and "
        "alternative names are compared with certificate_names)");
  }
  return absl::UnauthenticatedError(
      "the call carries no credentials: send \"authorization: Bearer <token>\" or a client "
      "certificate over TLS");
}

}  // namespace jixiao::access
