#pragma once

// One unary call to the query service, shared by compare, ranking, explain and
// trend: a channel, a deadline, the call; then the response as a table or, with
// --json, as JSON on stdout, or the failure on stderr.

#include <grpcpp/client_context.h>

#include <iostream>
#include <utility>

#include "jixiao/v1/query_service.grpc.pb.h"
#include "tools/jixiao/call_failure.h"
#include "tools/jixiao/command_options.h"
#include "tools/jixiao/grpc_channel.h"
#include "tools/jixiao/json_output.h"

namespace jixiao::cli {

// `call(stub, context, response)` makes the call, e.g.
//   [&](auto& stub, auto* context, auto* response) { return stub.Compare(context, request,
//   response); }
// `print(response, out)` prints it readably. Returns the exit code: 0, or 1 when
// the call failed.
template <typename Response, typename Call, typename Print>
int CallQueryService(const QueryCommandOptions& query, Call&& call, Print&& print) {
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel = OpenChannel(query.endpoint);
  if (!channel.ok()) {
    std::cerr << "jixiao: " << channel.status().message() << "\n";
    return 2;
  }
  auto stub = jixiao::v1::QueryService::NewStub(*channel);
  grpc::ClientContext context;
  SetDeadline(query.endpoint, context);
  Response response;
  const grpc::Status status = std::forward<Call>(call)(*stub, &context, &response);
  if (!status.ok()) {
    PrintCallFailure(query.endpoint, status, std::cerr);
    return 1;
  }
  if (query.json) {
    std::cout << ToStableJson(response);
  } else {
    std::forward<Print>(print)(response, std::cout);
  }
  return std::cout.flush() ? 0 : 1;
}

}  // namespace jixiao::cli
