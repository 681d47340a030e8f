#pragma once

// The connections a load run spreads its calls over. gRPC would otherwise
// share one connection between channels with equal arguments (its subchannel
// pool is process-wide), so each channel gets a local subchannel pool and an
// argument of its own: K channels really are K TCP connections, as K clients
// would be.

#include <grpcpp/channel.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "common/platform/transport/transport_security.h"

namespace jixiao::load {

// `count` channels to `target` with the credentials and token of `channels`, under
// `policy` (channel_policy.h), not yet connected.
std::vector<std::shared_ptr<grpc::Channel>> CreateLoadChannels(
    const transport::ChannelFactory& channels, const std::string& target, int count,
    const transport::ChannelPolicy& policy);

// Asks every channel to connect and waits, up to `timeout` in all, until each
// is ready or has failed (a refused connection fails at once rather than
// waiting out the timeout). Returns how many are ready.
int ConnectLoadChannels(const std::vector<std::shared_ptr<grpc::Channel>>& channels,
                        absl::Duration timeout);

}  // namespace jixiao::load
