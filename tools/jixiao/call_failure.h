#pragma once

// What a network command says when its call fails: one line that tells an
// unreachable service from a slow one and from a refusal, then the fields a
// refusal names, so that a person can fix the request without a debugger.

#include <grpcpp/support/status.h>

#include <ostream>
#include <string>

#include "tools/jixiao/grpc_channel.h"

namespace jixiao::cli {

//   UNAVAILABLE        "cannot reach query service at localhost:50053: <message>"
//   DEADLINE_EXCEEDED  "query service at localhost:50053 did not answer within 30s (--timeout)"
//   anything else      "query service at localhost:50053: NOT_FOUND: <message>"
std::string DescribeCallFailure(const ServiceEndpoint& endpoint, const grpc::Status& status);

// "jixiao: <description>" and then "  <field>: <description>" for each
// google.rpc.BadRequest field violation the status carries.
void PrintCallFailure(const ServiceEndpoint& endpoint, const grpc::Status& status,
                      std::ostream& err);

}  // namespace jixiao::cli
