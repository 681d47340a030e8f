#pragma once

// How every jixiao channel spreads and retries its calls, as a gRPC service
// config set on the channel (ChannelFactory::Open applies it):
//
// - round_robin over every address the target resolves to, so that a list
//   (ipv4:A,B) or a headless Service (dns:///name) balances per call, not per
//   connection;
// - client-side health checking ("healthCheckConfig"): a replica whose
//   grpc.health.v1 status turns NOT_SERVING, as a stopping server's does
//   (ServerRunner, --lame-duck-seconds), gets no new calls while it finishes
//   the ones it has;
// - UNAVAILABLE retried, 5 attempts in all, each after a random pause of up to
//   0.1, 0.2, 0.4 and 0.8 s (1.5 s at most in all): the calls a restart or a lost
//   connection refuses go to another replica, or wait for this one to be back,
//   instead of failing. A retried call is sent again whole, which is safe here: UNAVAILABLE is what
//   gRPC reports for a call no server took, and jixiao's handlers return it only where a second try
//   changes nothing more than the first: reads, and puts, which store a content
//   hash once (a commit whose outcome was lost included).
// - retry throttling: once failed attempts outnumber a tenth of the successes by
//   50, calls stop being retried until successes come back, so that a service
//   that is down is not sent five times its load for long. (A bound of 10, the
//   usual example, was spent by the few calls a restart refuses together.)
// - reconnection to a replica that went away after 100 ms, then at most every
//   second, so that one restarted is used again within about a second.

#include <grpcpp/support/channel_arguments.h>

#include <string>

namespace jixiao::transport {

struct ChannelPolicy {
  // Off for a client that must see every failure as it happened, such as a
  // load generator measuring a server.
  bool retry_unavailable = true;
};

// The service config above, as JSON.
std::string ChannelServiceConfigJson(const ChannelPolicy& policy = {});

// Sets the service config of `policy` on `arguments`.
void ApplyChannelPolicy(grpc::ChannelArguments& arguments, const ChannelPolicy& policy = {});

}  // namespace jixiao::transport
