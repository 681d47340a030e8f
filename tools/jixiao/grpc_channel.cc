#include "tools/jixiao/grpc_channel.h"

#include <grpcpp/support/channel_arguments.h>

namespace jixiao::cli {
namespace {

// Comparisons of every district can exceed gRPC's 4 MiB default for a response.
constexpr int kMaxResponseBytes = 64 * 1024 * 1024;

}  // namespace

absl::StatusOr<std::shared_ptr<grpc::Channel>> OpenChannel(const ServiceEndpoint& endpoint) {
  absl::StatusOr<transport::ChannelFactory> channels =
      transport::ChannelFactory::Create(endpoint.security);
  if (!channels.ok()) return channels.status();
  grpc::ChannelArguments arguments;
  arguments.SetMaxReceiveMessageSize(kMaxResponseBytes);
  return channels->Open(endpoint.address, arguments);
}

void SetDeadline(const ServiceEndpoint& endpoint, grpc::ClientContext& context) {
  context.set_deadline(absl::ToChronoTime(absl::Now() + endpoint.timeout));
}

}  // namespace jixiao::cli
