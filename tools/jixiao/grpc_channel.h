#pragma once

// Where a network command finds its service and how long a call may take, and
// the channel to it. The options that set them are in command_options.h.

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/platform/transport/transport_security.h"

namespace jixiao::cli {

// How a service is found: --OPTION HOST:PORT, else the variable (the one the
// services themselves read), else the service's default port on localhost.
struct EndpointSpec {
  const char* service;  // "ingest", "query": how messages name it
  const char* option;   // the option name, without "--"
  const char* env;
  const char* fallback;
};

inline constexpr EndpointSpec kIngestEndpoint{"ingest", "ingest", "JIXIAO_INGEST_ADDRESS",
                                              "localhost:50051"};
inline constexpr EndpointSpec kQueryEndpoint{"query", "query", "JIXIAO_QUERY_ADDRESS",
                                             "localhost:50053"};

inline constexpr absl::Duration kDefaultCallTimeout = absl::Seconds(30);

// A resolved service address, how long each call to it may take, and how the
// command proves who it is (TLS files, bearer token).
struct ServiceEndpoint {
  std::string service;  // "query"
  std::string address;  // "localhost:50053", as given
  absl::Duration timeout = kDefaultCallTimeout;
  transport::TransportSecurity security;
};

// A channel over TLS when --tls-ca is given, else plaintext, sending the token of
// --token-file on every call. It connects lazily: an unreachable address shows as
// UNAVAILABLE on the first call. INVALID_ARGUMENT when a file cannot be read.
absl::StatusOr<std::shared_ptr<grpc::Channel>> OpenChannel(const ServiceEndpoint& endpoint);

// Gives `context` the deadline `endpoint.timeout` from now.
void SetDeadline(const ServiceEndpoint& endpoint, grpc::ClientContext& context);

}  // namespace jixiao::cli
