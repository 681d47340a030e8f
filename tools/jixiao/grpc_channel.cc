#include "tools/jixiao/grpc_channel.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

#include <cstdlib>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "tools/jixiao/command_usage.h"

namespace jixiao::cli {
namespace {

// A day: long enough for any bulk call, short enough that the deadline
// arithmetic cannot overflow.
constexpr double kMaxTimeoutSeconds = 24 * 3600;

// Comparisons of every district can exceed gRPC's 4 MiB default for a response.
constexpr int kMaxResponseBytes = 64 * 1024 * 1024;

}  // namespace

std::set<std::string> EndpointOptions(const EndpointSpec& spec) { return {spec.option, "timeout"}; }

std::string EndpointUsage(const EndpointSpec& spec) {
  return OptionHelp(absl::StrCat("--", spec.option, " HOST:PORT"),
                    absl::StrCat("the ", spec.service, " service (default $", spec.env, ", else ",
                                 spec.fallback, ")")) +
         OptionHelp("--timeout SECONDS",
                    absl::StrCat("deadline of each call (default ",
                                 absl::ToInt64Seconds(kDefaultCallTimeout), ")"));
}

absl::StatusOr<ServiceEndpoint> ResolveEndpoint(const ParsedCommandLine& cl,
                                                const EndpointSpec& spec) {
  ServiceEndpoint endpoint;
  endpoint.service = spec.service;
  if (cl.options.count(spec.option) > 0) {
    endpoint.address = cl.Option(spec.option);
    if (endpoint.address.empty()) {
      return absl::InvalidArgumentError(absl::StrCat("--", spec.option, " needs HOST:PORT"));
    }
  } else {
    const char* env = std::getenv(spec.env);
    endpoint.address = env != nullptr && *env != '\0' ? env : spec.fallback;
  }
  const std::string timeout = cl.Option("timeout");
  if (!timeout.empty()) {
    double seconds = 0;
    if (!absl::SimpleAtod(timeout, &seconds) || !(seconds > 0) || seconds > kMaxTimeoutSeconds) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--timeout must be a number of seconds above 0, at most ", kMaxTimeoutSeconds));
    }
    endpoint.timeout = absl::Seconds(seconds);
  }
  return endpoint;
}

std::shared_ptr<grpc::Channel> OpenChannel(const ServiceEndpoint& endpoint) {
  grpc::ChannelArguments arguments;
  arguments.SetMaxReceiveMessageSize(kMaxResponseBytes);
  return grpc::CreateCustomChannel(endpoint.address, grpc::InsecureChannelCredentials(), arguments);
}

void SetDeadline(const ServiceEndpoint& endpoint, grpc::ClientContext& context) {
  context.set_deadline(absl::ToChronoTime(absl::Now() + endpoint.timeout));
}

}  // namespace jixiao::cli
