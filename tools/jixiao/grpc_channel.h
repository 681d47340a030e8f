#pragma once

// Where a network command finds its service and how long a call may take:
// --ingest / --query HOST:PORT, else JIXIAO_INGEST_ADDRESS / JIXIAO_QUERY_ADDRESS
// (the variables the services themselves read), else the service's default
// port on localhost; --timeout SECONDS for every call's deadline.

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

#include <memory>
#include <set>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "tools/jixiao/command_line.h"

namespace jixiao::cli {

// How a service is found: the option, the variable and the default address.
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

// A resolved service address and how long each call to it may take.
struct ServiceEndpoint {
  std::string service;  // "query"
  std::string address;  // "localhost:50053", as given
  absl::Duration timeout = kDefaultCallTimeout;
};

// The option names a network command declares for `spec`: its address option
// and "timeout".
std::set<std::string> EndpointOptions(const EndpointSpec& spec);

// The lines a command's usage gives these options, e.g.
//   "  --query HOST:PORT  query service (default $JIXIAO_QUERY_ADDRESS, else localhost:50053)"
std::string EndpointUsage(const EndpointSpec& spec);

// --<option>, else the variable when set and not empty, else the default;
// --timeout SECONDS (a positive number, fractions allowed) else 30 s.
absl::StatusOr<ServiceEndpoint> ResolveEndpoint(const ParsedCommandLine& cl,
                                                const EndpointSpec& spec);

// A plaintext channel (the services speak plaintext inside the cluster; TLS,
// where wanted, is the mesh's or the ingress's business). It connects lazily:
// an unreachable address shows as UNAVAILABLE on the first call.
std::shared_ptr<grpc::Channel> OpenChannel(const ServiceEndpoint& endpoint);

// Gives `context` the deadline `endpoint.timeout` from now.
void SetDeadline(const ServiceEndpoint& endpoint, grpc::ClientContext& context);

}  // namespace jixiao::cli
