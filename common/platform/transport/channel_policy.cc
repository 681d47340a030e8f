#include "common/platform/transport/channel_policy.h"

#include "absl/strings/str_cat.h"

namespace jixiao::transport {

std::string ChannelServiceConfigJson(const ChannelPolicy& policy) {
  // "name": [{}] is the method config of every method of every service. The throttle
  // allows retries while its tokens (100 at most; -1 per failure, +0.1 per success)
  // stay above half.
  constexpr char kRetries[] = R"json(,
  "methodConfig": [{
    "name": [{}],
    "retryPolicy": {
      "maxAttempts": 5,
      "initialBackoff": "0.1s",
      "maxBackoff": "0.8s",
      "backoffMultiplier": 2,
      "retryableStatusCodes": ["UNAVAILABLE"]
    }
  }],
  "retryThrottling": {"maxTokens": 100, "tokenRatio": 0.1})json";
  return absl::StrCat(R"json({
  "loadBalancingConfig": [{"round_robin": {}}],
  "healthCheckConfig": {"serviceName": ""})json",
                      policy.retry_unavailable ? kRetries : "", "\n}");
}

void ApplyChannelPolicy(grpc::ChannelArguments& arguments, const ChannelPolicy& policy) {
  arguments.SetServiceConfigJSON(ChannelServiceConfigJson(policy));
  // round_robin keeps reconnecting a replica that went away, with a backoff that
  // grows by 1.6 each failed attempt; gRPC's bounds (1 s, then up to 120 s) would
  // leave a service restarted after a minute unused for as long again.
  arguments.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 100);
  arguments.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 1000);
}

}  // namespace jixiao::transport
