#pragma once

// One unary call to a service, shared by the network commands that print one
// answer (compare, ranking, explain, trend, history, …): a channel, a deadline,
// the call; then the response as a table or, with --json, as JSON on stdout, or
// the failure on stderr.

#include <grpcpp/client_context.h>

#include <iostream>
#include <utility>

#include "jixiao/v1/query_service.grpc.pb.h"
#include "tools/jixiao/call_failure.h"
#include "tools/jixiao/command_options.h"
#include "tools/jixiao/grpc_channel.h"
#include "tools/jixiao/json_output.h"

namespace jixiao::cli {

// `call(stub, context, response)` makes the call on a `Service::Stub`, e.g.
//   [&](auto& stub, auto* context, auto* response) { return stub.Compare(context, request,
//   response); }
// `print(response, out)` prints it readably. Returns the exit code: 0, 1 when
// the call failed, 2 when the endpoint's options cannot make a channel.
template <typename Service, typename Response, typename Call, typename Print>
int CallService(const ServiceEndpoint& endpoint, bool json, Call&& call, Print&& print) {
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel = OpenChannel(endpoint);
  if (!channel.ok()) {
    std::cerr << "jixiao: " << channel.status().message() << "\n";
    return 2;
  }
  auto stub = Service::NewStub(*channel);
  grpc::ClientContext context;
  SetDeadline(endpoint, context);
  Response response;
  const grpc::Status status = std::forward<Call>(call)(*stub, &context, &response);
  if (!status.ok()) {
    PrintCallFailure(endpoint, status, std::cerr);
    return 1;
  }
  if (json) {
    std::cout << ToStableJson(response);
  } else {
    std::forward<Print>(print)(response, std::cout);
  }
  return std::cout.flush() ? 0 : 1;
}

// CallService on the query service, with the query commands' options.
template <typename Response, typename Call, typename Print>
int CallQueryService(const QueryCommandOptions& query, Call&& call, Print&& print) {
  return CallService<jixiao::v1::QueryService, Response>(
      query.endpoint, query.json, std::forward<Call>(call), std::forward<Print>(print));
}

}  // namespace jixiao::cli
