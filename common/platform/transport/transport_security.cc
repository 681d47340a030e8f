#include "common/platform/transport/transport_security.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/tls_certificate_provider.h>
#include <grpcpp/security/tls_credentials_options.h>
#include <grpcpp/support/client_interceptor.h>

#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/platform/options/option_checks.h"

namespace jixiao::transport {
namespace {

// Certificates, keys and tokens are small; a larger file is a wrong path.
constexpr std::streamsize kMaxFileBytes = 1024 * 1024;

absl::StatusOr<std::string> ReadSmallFile(const std::string& option, const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return absl::InvalidArgumentError(absl::StrCat(option, " ", path, ": cannot be read"));
  std::string text(static_cast<size_t>(kMaxFileBytes) + 1, '\0');
  file.read(text.data(), kMaxFileBytes + 1);
  text.resize(static_cast<size_t>(file.gcount()));
  if (static_cast<std::streamsize>(text.size()) > kMaxFileBytes) {
    return absl::InvalidArgumentError(absl::StrCat(option, " ", path, ": larger than 1 MiB"));
  }
  return text;
}

absl::Status CheckPemFile(const std::string& option, const std::string& path) {
  absl::StatusOr<std::string> text = ReadSmallFile(option, path);
  if (!text.ok()) return text.status();
  if (!absl::StrContains(*text, "-----BEGIN ")) {
    return absl::InvalidArgumentError(absl::StrCat(option, " ", path, ": holds no PEM block"));
  }
  return absl::OkStatus();
}

std::shared_ptr<grpc::experimental::CertificateProviderInterface> WatchFiles(
    const TransportSecurity& security) {
  const auto refresh = static_cast<unsigned int>(absl::ToInt64Seconds(security.reload));
  return std::make_shared<grpc::experimental::FileWatcherCertificateProvider>(
      security.key_file, security.cert_file, security.ca_file, refresh);
}

class AuthorizationInterceptor final : public grpc::experimental::Interceptor {
 public:
  explicit AuthorizationInterceptor(std::shared_ptr<const std::string> value)
      : value_(std::move(value)) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            grpc::experimental::InterceptionHookPoints::PRE_SEND_INITIAL_METADATA)) {
      methods->GetSendInitialMetadata()->emplace("authorization", *value_);
    }
    methods->Proceed();
  }

 private:
  std::shared_ptr<const std::string> value_;
};

// Call credentials would do this too, but gRPC sends them over TLS only, and a token on
// loopback plaintext is how development and the tests run.
class AuthorizationInterceptorFactory final
    : public grpc::experimental::ClientInterceptorFactoryInterface {
 public:
  explicit AuthorizationInterceptorFactory(std::shared_ptr<const std::string> value)
      : value_(std::move(value)) {}
  grpc::experimental::Interceptor* CreateClientInterceptor(
      grpc::experimental::ClientRpcInfo* /*info*/) override {
    return new AuthorizationInterceptor(value_);
  }

 private:
  std::shared_ptr<const std::string> value_;
};

}  // namespace

void AddTransportSecurityOptions(options::OptionSet& options, TransportSecurity& security) {
  options
      .Add("--tls-cert", security.cert_file,
           "PEM certificate chain: served to callers, and shown to the services called",
           "JIXIAO_TLS_CERT")
      ->type_name("FILE");
  options.Add("--tls-key", security.key_file, "PEM private key of --tls-cert", "JIXIAO_TLS_KEY")
      ->type_name("FILE");
  options
      .Add("--tls-ca", security.ca_file,
           "PEM CA bundle: connect over TLS verifying servers with it; a server also verifies "
           "the client certificates it is shown",
           "JIXIAO_TLS_CA")
      ->type_name("FILE");
  options
      .Add("--token-file", security.token_file,
           "file whose first line is the bearer token sent on every call", "JIXIAO_TOKEN_FILE")
      ->type_name("FILE");
  options
      .AddDuration("--tls-reload-seconds", security.reload, absl::Seconds(1),
                   "how often the certificate files are checked for a renewal",
                   "JIXIAO_TLS_RELOAD_SECONDS")
      ->type_name("SECONDS")
      ->check(options::IntInRange(1, 86400));
}

absl::Status CheckTransportSecurity(const TransportSecurity& security) {
  if (security.cert_file.empty() != security.key_file.empty()) {
    return absl::InvalidArgumentError("--tls-cert and --tls-key go together: give both or neither");
  }
  if (!security.cert_file.empty()) {
    if (absl::Status pem = CheckPemFile("--tls-cert", security.cert_file); !pem.ok()) return pem;
    if (absl::Status pem = CheckPemFile("--tls-key", security.key_file); !pem.ok()) return pem;
  }
  if (!security.ca_file.empty()) {
    if (absl::Status pem = CheckPemFile("--tls-ca", security.ca_file); !pem.ok()) return pem;
  }
  if (!security.token_file.empty()) {
    absl::StatusOr<std::string> token = ReadSmallFile("--token-file", security.token_file);
    if (!token.ok()) return token.status();
  }
  return absl::OkStatus();
}

std::shared_ptr<grpc::ServerCredentials> ServerCredentialsFor(const TransportSecurity& security) {
  if (!security.serves_tls()) return grpc::InsecureServerCredentials();
  grpc::experimental::TlsServerCredentialsOptions options(WatchFiles(security));
  options.watch_identity_key_cert_pairs();
  if (security.connects_tls()) {
    options.watch_root_certs();
    // Verified when shown, not required: a caller may prove itself with a token instead.
    options.set_cert_request_type(GRPC_SSL_REQUEST_CLIENT_CERTIFICATE_AND_VERIFY);
  } else {
    options.set_cert_request_type(GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE);
  }
  return grpc::experimental::TlsServerCredentials(options);
}

absl::StatusOr<ChannelFactory> ChannelFactory::Create(const TransportSecurity& security) {
  if (absl::Status check = CheckTransportSecurity(security); !check.ok()) return check;
  std::shared_ptr<grpc::ChannelCredentials> credentials;
  if (security.connects_tls()) {
    grpc::experimental::TlsChannelCredentialsOptions options;
    options.set_certificate_provider(WatchFiles(security));
    options.watch_root_certs();
    if (!security.cert_file.empty()) options.watch_identity_key_cert_pairs();
    credentials = grpc::experimental::TlsCredentials(options);
  } else {
    credentials = grpc::InsecureChannelCredentials();
  }
  std::shared_ptr<const std::string> authorization;
  if (!security.token_file.empty()) {
    absl::StatusOr<std::string> text = ReadSmallFile("--token-file", security.token_file);
    if (!text.ok()) return text.status();
    absl::string_view token = *text;
    token = absl::StripAsciiWhitespace(token.substr(0, token.find('\n')));
    if (token.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--token-file ", security.token_file, ": its first line is empty"));
    }
    authorization = std::make_shared<const std::string>(absl::StrCat("Bearer ", token));
  }
  return ChannelFactory(std::move(credentials), std::move(authorization));
}

std::shared_ptr<grpc::Channel> ChannelFactory::Open(const std::string& target,
                                                    grpc::ChannelArguments arguments,
                                                    const ChannelPolicy& policy) const {
  ApplyChannelPolicy(arguments, policy);
  if (authorization_ == nullptr) {
    return grpc::CreateCustomChannel(target, credentials_, arguments);
  }
  std::vector<std::unique_ptr<grpc::experimental::ClientInterceptorFactoryInterface>> interceptors;
  interceptors.push_back(std::make_unique<AuthorizationInterceptorFactory>(authorization_));
  return grpc::experimental::CreateCustomChannelWithInterceptors(target, credentials_, arguments,
                                                                 std::move(interceptors));
}

}  // namespace jixiao::transport
