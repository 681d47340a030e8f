// The method a run calls and the requests it sends: names, descriptor lookup,
// JSON Lines, and encoding into the request type.
#include <string>
#include <vector>

#include "bench/echo/echo.pb.h"
#include "bench/load/request_payloads.h"
#include "bench/load/rpc_method.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.pb.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "tests/support/status_macros.h"

namespace jixiao::load {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kEcho[] = "jixiao.bench.v1.EchoService/Echo";

const google::protobuf::Descriptor& EchoRequestType() {
  // Referring to the generated class also links its descriptor into this test.
  return *jixiao::bench::v1::EchoRequest::descriptor();
}

TEST(MethodNameTest, ParsesWithOrWithoutLeadingSlash) {
  for (const std::string& text : {std::string(kEcho), "/" + std::string(kEcho)}) {
    ASSERT_OK_AND_ASSIGN(const MethodName name, ParseMethodName(text));
    EXPECT_EQ(name.service, "jixiao.bench.v1.EchoService");
    EXPECT_EQ(name.method, "Echo");
    EXPECT_EQ(name.Path(), "/jixiao.bench.v1.EchoService/Echo");
  }
}

TEST(FindUnaryMethodTest, FindsALinkedInMethod) {
  EchoRequestType();
  ASSERT_OK_AND_ASSIGN(const google::protobuf::MethodDescriptor* method,
                       FindUnaryMethod(*ParseMethodName(kEcho)));
  EXPECT_EQ(method->input_type(), &EchoRequestType());
}

TEST(FindUnaryMethodTest, RefusesUnknownServicesAndMethods) {
  EchoRequestType();
  const absl::Status no_service =
      FindUnaryMethod(*ParseMethodName("jixiao.bench.v1.NoSuchService/Echo")).status();
  EXPECT_EQ(no_service.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(no_service.message(), HasSubstr("not linked"));

  const absl::Status no_method =
      FindUnaryMethod(*ParseMethodName("jixiao.bench.v1.EchoService/Shout")).status();
  EXPECT_EQ(no_method.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(no_method.message(), HasSubstr("has no method Shout (it has Echo)"));
}

TEST(FindUnaryMethodTest, RefusesStreamingMethods) {
  google::protobuf::FileDescriptorProto file;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      R"pb(
        name: "stream.proto"
        package: "test"
        syntax: "proto3"
        message_type { name: "Tick" }
        service {
          name: "Clock"
          method {
            name: "Watch"
            input_type: ".test.Tick"
            output_type: ".test.Tick"
            server_streaming: true
          }
        }
      )pb",
      &file));
  google::protobuf::DescriptorPool pool;
  ASSERT_NE(pool.BuildFile(file), nullptr);
  const absl::Status status = FindUnaryMethod(*ParseMethodName("test.Clock/Watch"), pool).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("streams"));
}

TEST(ParseJsonLinesTest, NumbersLinesAsAnEditorDoesAndSkipsBlankOnes) {
  ASSERT_OK_AND_ASSIGN(const std::vector<RequestText> requests,
                       ParseJsonLines("r.jsonl", "{\"payload\":\"YQ==\"}\r\n\n   \n{}\n"));
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].where, "r.jsonl:1");
  EXPECT_EQ(requests[0].json, "{\"payload\":\"YQ==\"}");
  EXPECT_EQ(requests[1].where, "r.jsonl:4");
  EXPECT_EQ(requests[1].json, "{}");
}

TEST(ParseJsonLinesTest, RefusesAFileWithoutRequests) {
  EXPECT_THAT(ParseJsonLines("empty.jsonl", "\n \n").status().message(),
              HasSubstr("empty.jsonl: no request"));
}

TEST(EncodeRequestsTest, SerializesEachRequest) {
  ASSERT_OK_AND_ASSIGN(
      const std::vector<std::string> payloads,
      EncodeRequests(EchoRequestType(),
                     {{"r.jsonl:1", R"({"payload":"aGVsbG8="})"}, {"r.jsonl:2", "{}"}}));
  ASSERT_EQ(payloads.size(), 2u);
  jixiao::bench::v1::EchoRequest first;
  ASSERT_TRUE(first.ParseFromString(payloads[0]));
  EXPECT_EQ(first.payload(), "hello");
  EXPECT_EQ(payloads[1], "");  // an empty message serializes to nothing
}

TEST(EncodeRequestsTest, NamesTheLineOfABadRequest) {
  const absl::Status bad_json =
      EncodeRequests(EchoRequestType(), {{"r.jsonl:1", "{}"}, {"r.jsonl:3", "{\"payload\":"}})
          .status();
  EXPECT_EQ(bad_json.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad_json.message(), HasSubstr("r.jsonl:3: not a valid jixiao.bench.v1.EchoRequest"));

  const absl::Status unknown_field =
      EncodeRequests(EchoRequestType(), {{"--request-json", R"({"paylod":"YQ=="})"}}).status();
  EXPECT_THAT(unknown_field.message(), HasSubstr("--request-json: not a valid"));
}

TEST(LoadRequestPayloadsTest, DefaultsToOneEmptyRequest) {
  ASSERT_OK_AND_ASSIGN(const std::vector<std::string> payloads,
                       LoadRequestPayloads(LoadOptions(), EchoRequestType()));
  EXPECT_THAT(payloads, ElementsAre(""));
}

TEST(LoadRequestPayloadsTest, RefusesAFileThatCannotBeRead) {
  LoadOptions options;
  options.requests_file = "/nonexistent/requests.jsonl";
  EXPECT_THAT(LoadRequestPayloads(options, EchoRequestType()).status().message(),
              HasSubstr("cannot read /nonexistent/requests.jsonl"));
}

}  // namespace
}  // namespace jixiao::load
