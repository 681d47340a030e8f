#include "bench/load/load_channels.h"

#include <grpcpp/support/channel_arguments.h>

#include <chrono>

namespace jixiao::load {

std::vector<std::shared_ptr<grpc::Channel>> CreateLoadChannels(
    const transport::ChannelFactory& channels, const std::string& target, int count,
    const transport::ChannelPolicy& policy) {
  std::vector<std::shared_ptr<grpc::Channel>> opened;
  opened.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) {
    grpc::ChannelArguments arguments;
    arguments.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    // Unknown to gRPC, and therefore harmless; it only makes the channels differ.
    arguments.SetInt("jixiao.load.channel_index", i);
    opened.push_back(channels.Open(target, arguments, policy));
  }
  return opened;
}

int ConnectLoadChannels(const std::vector<std::shared_ptr<grpc::Channel>>& channels,
                        absl::Duration timeout) {
  const auto deadline = std::chrono::system_clock::now() + absl::ToChronoNanoseconds(timeout);
  // Every channel starts connecting before any is waited for.
  for (const auto& channel : channels) channel->GetState(/*try_to_connect=*/true);
  int ready = 0;
  for (const auto& channel : channels) {
    grpc_connectivity_state state = channel->GetState(/*try_to_connect=*/true);
    while (state != GRPC_CHANNEL_READY && state != GRPC_CHANNEL_TRANSIENT_FAILURE &&
           state != GRPC_CHANNEL_SHUTDOWN && channel->WaitForStateChange(state, deadline)) {
      state = channel->GetState(/*try_to_connect=*/true);
    }
    if (state == GRPC_CHANNEL_READY) ++ready;
  }
  return ready;
}

}  // namespace jixiao::load
