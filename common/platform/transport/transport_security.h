#pragma once
// TLS for jixiao's servers and clients, and the bearer token a client sends. One set of
// files serves a service both ways: its certificate and key identify it to its callers
// and, as a client certificate, to the services it calls; the CA verifies the servers it
// calls and the client certificates it is shown.
//
//   server: --tls-cert and --tls-key   serve TLS (else plaintext: loopback or --allow-plaintext)
//           --tls-ca                   also ask callers for a certificate and verify it
//                                      (optional for the caller: a bearer token will do)
//   client: --tls-ca                   connect over TLS, verifying the server against it
//           --tls-cert and --tls-key   present them as a client certificate
//           --token-file               send "authorization: Bearer <the file's first line>"
//
// The files are watched: a certificate renewed on disk is picked up within
// --tls-reload-seconds for new connections, with no restart.

#include <grpcpp/channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/support/channel_arguments.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/platform/options/option_set.h"
#include "common/platform/transport/channel_policy.h"

namespace jixiao::transport {

struct TransportSecurity {
  std::string cert_file;  // PEM certificate chain
  std::string key_file;   // PEM private key
  std::string ca_file;    // PEM bundle of the CA certificates trusted
  std::string token_file;
  absl::Duration reload = absl::Seconds(60);

  bool serves_tls() const { return !cert_file.empty(); }
  bool connects_tls() const { return !ca_file.empty(); }
};

// Binds --tls-cert, --tls-key, --tls-ca, --token-file and --tls-reload-seconds
// (JIXIAO_TLS_CERT, JIXIAO_TLS_KEY, JIXIAO_TLS_CA, JIXIAO_TOKEN_FILE,
// JIXIAO_TLS_RELOAD_SECONDS).
void AddTransportSecurityOptions(options::OptionSet& options, TransportSecurity& security);

// INVALID_ARGUMENT naming the option when the files given do not make a whole: a
// certificate without its key, a file that cannot be read or holds no PEM block, a
// client certificate with no CA to verify the server.
absl::Status CheckTransportSecurity(const TransportSecurity& security);

// TLS credentials watching the files when a certificate is given, else plaintext.
std::shared_ptr<grpc::ServerCredentials> ServerCredentialsFor(const TransportSecurity& security);

// Opens channels to other services with the credentials and token configured.
class ChannelFactory {
 public:
  // Reads the token file; fails as CheckTransportSecurity does.
  static absl::StatusOr<ChannelFactory> Create(const TransportSecurity& security);

  // A channel to `target` (channel_target.h) under the policy of channel_policy.h.
  std::shared_ptr<grpc::Channel> Open(const std::string& target,
                                      grpc::ChannelArguments arguments = {},
                                      const ChannelPolicy& policy = {}) const;

 private:
  ChannelFactory(std::shared_ptr<grpc::ChannelCredentials> credentials,
                 std::shared_ptr<const std::string> authorization)
      : credentials_(std::move(credentials)), authorization_(std::move(authorization)) {}

  std::shared_ptr<grpc::ChannelCredentials> credentials_;
  // "Bearer <token>", or null for no token.
  std::shared_ptr<const std::string> authorization_;
};

}  // namespace jixiao::transport
