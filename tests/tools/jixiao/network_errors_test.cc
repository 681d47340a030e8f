// How the network commands find their service and report a failed call: the
// address and timeout from options and variables, the google.rpc.BadRequest
// inside a grpc::Status, and the one-line descriptions of failures.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <sstream>
#include <string>

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "tools/jixiao/call_failure.h"
#include "tools/jixiao/command_line.h"
#include "tools/jixiao/grpc_channel.h"
#include "tools/jixiao/rich_status.h"

namespace jixiao::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

// As the ingest service refuses a report: a summary message, and the fields in
// a BadRequest inside google.rpc.Status, here behind another detail that a
// client must skip.
grpc::Status RefusedReport() {
  google::rpc::Status details;
  details.set_code(static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  details.set_message("report refused: 2 violations; the first: report.kind is required");
  google::rpc::RetryInfo retry;
  retry.mutable_retry_delay()->set_seconds(1);
  details.add_details()->PackFrom(retry);
  google::rpc::BadRequest bad_request;
  auto* kind = bad_request.add_field_violations();
  kind->set_field("report.kind");
  kind->set_description("is required");
  auto* year = bad_request.add_field_violations();
  year->set_field("report.fiscal_year");
  year->set_description("must be between 2000 and 2100, got 1999");
  details.add_details()->PackFrom(bad_request);
  return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, details.message(),
                      details.SerializeAsString());
}

TEST(BadRequestViolations, UnpacksTheFieldsFromTheStatusDetails) {
  const auto violations = BadRequestViolations(RefusedReport());
  ASSERT_THAT(violations, SizeIs(2));
  EXPECT_EQ(violations[0].field(), "report.kind");
  EXPECT_EQ(violations[0].description(), "is required");
  EXPECT_EQ(violations[1].field(), "report.fiscal_year");
}

TEST(BadRequestViolations, NoneWithoutUsableDetails) {
  EXPECT_THAT(BadRequestViolations(grpc::Status::OK), IsEmpty());
  EXPECT_THAT(BadRequestViolations(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "bad")),
              IsEmpty());
  EXPECT_THAT(
      BadRequestViolations(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "bad", "\xff\xff")),
      IsEmpty());
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

ParsedCommandLine Parse(const std::vector<std::string>& args) {
  auto cl = ParseCommandLine(args, EndpointOptions(kQueryEndpoint), {});
  EXPECT_TRUE(cl.ok()) << cl.status();
  return cl.value_or(ParsedCommandLine());
}

TEST(ResolveEndpoint, OptionThenVariableThenDefault) {
  unsetenv("JIXIAO_QUERY_ADDRESS");
  auto endpoint = ResolveEndpoint(Parse({}), kQueryEndpoint);
  ASSERT_TRUE(endpoint.ok()) << endpoint.status();
  EXPECT_EQ(endpoint->address, "localhost:50053");
  EXPECT_EQ(endpoint->service, "query");
  EXPECT_EQ(endpoint->timeout, absl::Seconds(30));

  setenv("JIXIAO_QUERY_ADDRESS", "query.jixiao:50053", 1);
  endpoint = ResolveEndpoint(Parse({}), kQueryEndpoint);
  ASSERT_TRUE(endpoint.ok()) << endpoint.status();
  EXPECT_EQ(endpoint->address, "query.jixiao:50053");

  endpoint = ResolveEndpoint(Parse({"--query", "10.0.0.1:9", "--timeout", "2.5"}), kQueryEndpoint);
  ASSERT_TRUE(endpoint.ok()) << endpoint.status();
  EXPECT_EQ(endpoint->address, "10.0.0.1:9");
  EXPECT_EQ(endpoint->timeout, absl::Milliseconds(2500));

  setenv("JIXIAO_QUERY_ADDRESS", "", 1);  // set but empty: as if unset
  endpoint = ResolveEndpoint(Parse({}), kQueryEndpoint);
  ASSERT_TRUE(endpoint.ok()) << endpoint.status();
  EXPECT_EQ(endpoint->address, "localhost:50053");
  unsetenv("JIXIAO_QUERY_ADDRESS");
}

TEST(ResolveEndpoint, RefusesEmptyAddressAndBadTimeouts) {
  EXPECT_FALSE(ResolveEndpoint(Parse({"--query="}), kQueryEndpoint).ok());
  for (const char* timeout : {"0", "-1", "soon", "nan", "1e9"}) {
    auto endpoint = ResolveEndpoint(Parse({"--timeout", timeout}), kQueryEndpoint);
    ASSERT_FALSE(endpoint.ok()) << timeout;
    EXPECT_THAT(std::string(endpoint.status().message()), HasSubstr("--timeout"));
  }
}

}  // namespace
}  // namespace jixiao::cli
