// How the network commands find their service and report a failed call: the
// address and timeout from options and variables, and the descriptions of
// failures with the fields a google.rpc.BadRequest inside a grpc::Status names.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <sstream>
#include <string>

#include "common/platform/server/grpc_status.h"
#include "common/platform/server/rich_error.h"
#include "tools/jixiao/call_failure.h"
#include "tools/jixiao/command_options.h"
#include "tools/jixiao/grpc_channel.h"

namespace jixiao::cli {
namespace {

using ::testing::HasSubstr;

// As the ingest service refuses a report: a summary message, and the fields in
// a google.rpc.BadRequest inside the status details.
grpc::Status RefusedReport() {
  server::FieldViolations violations(2);
  violations[0].set_field("report.kind");
  violations[0].set_description("is required");
  violations[1].set_field("report.fiscal_year");
  violations[1].set_description("must be between 2000 and 2100, got 1999");
  return server::ToGrpcStatus(server::BadRequestError("report", violations));
}

ServiceEndpoint QueryAt(const std::string& address) {
  ServiceEndpoint endpoint;
  endpoint.service = "query";
  endpoint.address = address;
  return endpoint;
}

TEST(CallFailure, TellsUnreachableFromSlowFromRefused) {
  const ServiceEndpoint endpoint = QueryAt("localhost:50053");
  EXPECT_EQ(DescribeCallFailure(endpoint, grpc::Status(grpc::StatusCode::UNAVAILABLE,
                                                       "failed to connect to all addresses")),
            "cannot reach query service at localhost:50053: failed to connect to all addresses");
  EXPECT_EQ(
      DescribeCallFailure(endpoint, grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, "Deadline")),
      "query service at localhost:50053 did not answer within 30s (--timeout)");
  EXPECT_EQ(DescribeCallFailure(endpoint, grpc::Status(grpc::StatusCode::NOT_FOUND,
                                                       "no report 440106:x/2023/department")),
            "query service at localhost:50053: NOT_FOUND: no report 440106:x/2023/department");
}

TEST(CallFailure, PrintsTheFieldsARefusalNames) {
  std::ostringstream err;
  PrintCallFailure(QueryAt("q:1"), RefusedReport(), err);
  EXPECT_EQ(err.str(),
            "jixiao: query service at q:1: INVALID_ARGUMENT: report refused: 2 violations; the "
            "first: report.kind is required\n"
            "  report.kind: is required\n"
            "  report.fiscal_year: must be between 2000 and 2100, got 1999\n");
}

// The endpoint the options give for `args` and `environment`.
absl::StatusOr<ServiceEndpoint> ResolveEndpoint(const std::vector<std::string>& args,
                                                const options::Environment& environment = {}) {
  OptionSet options("jixiao test", "");
  ServiceEndpoint endpoint;
  AddEndpoint(options, kQueryEndpoint, endpoint);
  if (auto parsed = options.Parse(args, environment); !parsed.ok()) return parsed.status();
  return endpoint;
}

TEST(ResolveEndpoint, OptionThenVariableThenDefault) {
  auto endpoint = ResolveEndpoint({});
  ASSERT_TRUE(endpoint.ok()) << endpoint.status();
  EXPECT_EQ(endpoint->address, "localhost:50053");
  EXPECT_EQ(endpoint->service, "query");
  EXPECT_EQ(endpoint->timeout, absl::Seconds(30));

  const options::Environment environment = {{"JIXIAO_QUERY_ADDRESS", "query.jixiao:50053"}};
  endpoint = ResolveEndpoint({}, environment);
  ASSERT_TRUE(endpoint.ok()) << endpoint.status();
  EXPECT_EQ(endpoint->address, "query.jixiao:50053");

  endpoint = ResolveEndpoint({"--query", "10.0.0.1:9", "--timeout", "2.5"}, environment);
  ASSERT_TRUE(endpoint.ok()) << endpoint.status();
  EXPECT_EQ(endpoint->address, "10.0.0.1:9");
  EXPECT_EQ(endpoint->timeout, absl::Milliseconds(2500));
}

TEST(ResolveEndpoint, AVariableSetButEmptyCountsAsUnset) {
  setenv("JIXIAO_QUERY_ADDRESS", "", 1);
  OptionSet options("jixiao test", "");
  ServiceEndpoint endpoint;
  AddEndpoint(options, kQueryEndpoint, endpoint);
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(ParseCommand(options, {}, out, err), std::nullopt) << err.str();
  EXPECT_EQ(endpoint.address, "localhost:50053");
  unsetenv("JIXIAO_QUERY_ADDRESS");
}

TEST(ResolveEndpoint, RefusesEmptyAddressAndBadTimeouts) {
  EXPECT_FALSE(ResolveEndpoint({"--query="}).ok());
  for (const char* timeout : {"0", "-1", "soon", "nan", "1e9"}) {
    auto endpoint = ResolveEndpoint({"--timeout", timeout});
    ASSERT_FALSE(endpoint.ok()) << timeout;
    EXPECT_THAT(std::string(endpoint.status().message()), HasSubstr("--timeout"));
  }
}

}  // namespace
}  // namespace jixiao::cli
