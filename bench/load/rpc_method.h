#pragma once

// The method a load run calls: its name as given on the command line, and its
// descriptor among the protos linked into the program. Any unary method of any
// linked-in service can be loaded; the descriptor supplies the request type
// that request JSON is parsed into.
//
// Only protos whose generated code is linked in are found: a static link keeps
// a generated file only if something refers to it, which is why jixiao-load
// links its proto libraries whole (bench/load/CMakeLists.txt).

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"

namespace jixiao::load {

struct MethodName {
  std::string service;  // "jixiao.v1.QueryService"
  std::string method;   // "GetScoreCard"

  // The HTTP/2 path gRPC sends: "/jixiao.v1.QueryService/GetScoreCard".
  std::string Path() const;
};

// "jixiao.v1.QueryService/GetScoreCard" or "/jixiao.v1.QueryService/GetScoreCard".
absl::StatusOr<MethodName> ParseMethodName(absl::string_view text);

// The method in `pool` (by default the generated pool, which holds the
// linked-in protos). NotFound when the service or the method is not there;
// InvalidArgument when it streams.
absl::StatusOr<const google::protobuf::MethodDescriptor*> FindUnaryMethod(
    const MethodName& name, const google::protobuf::DescriptorPool& pool =
                                *google::protobuf::DescriptorPool::generated_pool());

}  // namespace jixiao::load
