#include "tests/common/platform/server/test_client.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/message.h>
#include <google/protobuf/unknown_field_set.h>

#include <chrono>

#include "absl/strings/str_cat.h"
#include "tests/common/platform/server/probe_service.h"

namespace jixiao::server::testing {
namespace {

constexpr char kHealthCheck[] = "/grpc.health.v1.Health/Check";
constexpr char kReflectionInfo[] = "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo";

std::chrono::system_clock::time_point DeadlineAfter(absl::Duration timeout) {
  return std::chrono::system_clock::now() + absl::ToChronoNanoseconds(timeout);
}

absl::Status ToAbsl(const grpc::Status& status) {
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
}

// grpc++_reflection links the generated grpc.reflection.v1alpha messages, so
// they are in the generated pool even though Debian installs no header for them.
std::unique_ptr<google::protobuf::Message> NewReflectionMessage(const std::string& type) {
  const google::protobuf::Descriptor* descriptor =
      google::protobuf::DescriptorPool::generated_pool()->FindMessageTypeByName(
          "grpc.reflection.v1alpha." + type);
  if (descriptor == nullptr) return nullptr;
  return std::unique_ptr<google::protobuf::Message>(
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(descriptor)->New());
}

// Sends one ServerReflectionRequest with `field` set to `value`; returns the response.
absl::StatusOr<std::unique_ptr<google::protobuf::Message>> AskReflection(
    const std::shared_ptr<grpc::Channel>& channel, const std::string& field,
    const std::string& value) {
  std::unique_ptr<google::protobuf::Message> request =
      NewReflectionMessage("ServerReflectionRequest");
  std::unique_ptr<google::protobuf::Message> response =
      NewReflectionMessage("ServerReflectionResponse");
  if (request == nullptr || response == nullptr) {
    return absl::NotFoundError("grpc.reflection.v1alpha messages are not linked");
  }
  request->GetReflection()->SetString(request.get(),
                                      request->GetDescriptor()->FindFieldByName(field), value);
  StreamCall call(channel, kReflectionInfo, {request->SerializeAsString()});
  std::optional<std::string> answer = call.Next();
  grpc::Status status = call.Finish();
  if (!status.ok()) return ToAbsl(status);
  if (!answer.has_value() || !response->ParseFromString(*answer)) {
    return absl::DataLossError("no reflection response");
  }
  return response;
}

}  // namespace

PendingUnary::PendingUnary(const std::shared_ptr<grpc::Channel>& channel, const std::string& method,
                           const std::string& request, absl::Duration timeout)
    : stub_(channel), request_(ToByteBuffer(request)) {
  context_.set_deadline(DeadlineAfter(timeout));
  stub_.UnaryCall(&context_, method, grpc::StubOptions(), &request_, &response_,
                  [this](grpc::Status status) {
                    // Notified under the lock: once Get() sees the status this
                    // object may be destroyed, and the callback touches nothing after.
                    std::lock_guard<std::mutex> lock(mu_);
                    status_ = std::move(status);
                    finished_.notify_all();
                  });
}

PendingUnary::~PendingUnary() { Get(); }

bool PendingUnary::done() {
  std::lock_guard<std::mutex> lock(mu_);
  return status_.has_value();
}

UnaryResult PendingUnary::Get() {
  std::unique_lock<std::mutex> lock(mu_);
  finished_.wait(lock, [this] { return status_.has_value(); });
  return {*status_, FromByteBuffer(response_)};
}

std::unique_ptr<PendingUnary> StartUnary(const std::shared_ptr<grpc::Channel>& channel,
                                         const std::string& method, const std::string& request,
                                         absl::Duration timeout) {
  return std::make_unique<PendingUnary>(channel, method, request, timeout);
}

UnaryResult CallUnary(const std::shared_ptr<grpc::Channel>& channel, const std::string& method,
                      const std::string& request, absl::Duration timeout) {
  return PendingUnary(channel, method, request, timeout).Get();
}

StreamCall::StreamCall(const std::shared_ptr<grpc::Channel>& channel, const std::string& method,
                       std::vector<std::string> requests, absl::Duration timeout)
    : stub_(channel), requests_(std::move(requests)) {
  context_.set_deadline(DeadlineAfter(timeout));
  stub_.PrepareBidiStreamingCall(&context_, method, grpc::StubOptions(), this);
  StartRead(&incoming_);
  WriteNext();
  StartCall();
}

StreamCall::~StreamCall() {
  Cancel();
  Finish();
}

void StreamCall::WriteNext() {
  if (next_request_ == requests_.size()) {
    StartWritesDone();
    return;
  }
  outgoing_ = ToByteBuffer(requests_[next_request_++]);
  StartWrite(&outgoing_);
}

void StreamCall::OnWriteDone(bool ok) {
  if (ok) WriteNext();
}

void StreamCall::OnReadDone(bool ok) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (ok) {
      received_.push_back(FromByteBuffer(incoming_));
    } else {
      reads_done_ = true;
    }
  }
  changed_.notify_all();
  if (ok) StartRead(&incoming_);
}

void StreamCall::OnDone(const grpc::Status& status) {
  // Notified under the lock: once Finish() sees the status the destructor may
  // run, and nothing here may touch the object after the lock is released.
  std::lock_guard<std::mutex> lock(mu_);
  reads_done_ = true;
  status_ = status;
  changed_.notify_all();
}

std::optional<std::string> StreamCall::Next(absl::Duration timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait_for(lock, absl::ToChronoNanoseconds(timeout),
                    [this] { return !received_.empty() || reads_done_; });
  if (received_.empty()) return std::nullopt;
  std::string message = std::move(received_.front());
  received_.pop_front();
  return message;
}

grpc::Status StreamCall::Finish() {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [this] { return status_.has_value(); });
  return *status_;
}

std::string EncodeHealthRequest(const std::string& service) {
  // HealthCheckRequest { string service = 1; }
  google::protobuf::UnknownFieldSet fields;
  if (!service.empty()) fields.AddLengthDelimited(1, service);
  std::string bytes;
  fields.SerializeToString(&bytes);
  return bytes;
}

absl::StatusOr<Health> DecodeHealthResponse(const std::string& bytes) {
  // HealthCheckResponse { ServingStatus status = 1; }; a zero status is omitted.
  google::protobuf::UnknownFieldSet fields;
  if (!fields.ParseFromString(bytes)) return absl::DataLossError("bad HealthCheckResponse");
  Health health = Health::kUnknown;
  for (int i = 0; i < fields.field_count(); ++i) {
    const google::protobuf::UnknownField& field = fields.field(i);
    if (field.number() == 1 && field.type() == google::protobuf::UnknownField::TYPE_VARINT) {
      health = static_cast<Health>(field.varint());
    }
  }
  return health;
}

absl::StatusOr<Health> CheckHealth(const std::shared_ptr<grpc::Channel>& channel,
                                   const std::string& service) {
  UnaryResult result = CallUnary(channel, kHealthCheck, EncodeHealthRequest(service));
  if (!result.status.ok()) return ToAbsl(result.status);
  return DecodeHealthResponse(result.response);
}

absl::StatusOr<std::vector<std::string>> ListServicesByReflection(
    const std::shared_ptr<grpc::Channel>& channel) {
  absl::StatusOr<std::unique_ptr<google::protobuf::Message>> response =
      AskReflection(channel, "list_services", "*");
  if (!response.ok()) return response.status();
  const google::protobuf::Message& message = **response;
  const google::protobuf::Reflection* reflection = message.GetReflection();
  const google::protobuf::FieldDescriptor* list_field =
      message.GetDescriptor()->FindFieldByName("list_services_response");
  if (!reflection->HasField(message, list_field)) {
    return absl::DataLossError(absl::StrCat("not a service list: ", message.ShortDebugString()));
  }
  const google::protobuf::Message& list = reflection->GetMessage(message, list_field);
  const google::protobuf::FieldDescriptor* service_field =
      list.GetDescriptor()->FindFieldByName("service");
  std::vector<std::string> names;
  for (int i = 0; i < list.GetReflection()->FieldSize(list, service_field); ++i) {
    const google::protobuf::Message& service =
        list.GetReflection()->GetRepeatedMessage(list, service_field, i);
    names.push_back(service.GetReflection()->GetString(
        service, service.GetDescriptor()->FindFieldByName("name")));
  }
  return names;
}

absl::StatusOr<std::string> FileContainingSymbolByReflection(
    const std::shared_ptr<grpc::Channel>& channel, const std::string& symbol) {
  absl::StatusOr<std::unique_ptr<google::protobuf::Message>> response =
      AskReflection(channel, "file_containing_symbol", symbol);
  if (!response.ok()) return response.status();
  const google::protobuf::Message& message = **response;
  const google::protobuf::Reflection* reflection = message.GetReflection();
  const google::protobuf::FieldDescriptor* files_field =
      message.GetDescriptor()->FindFieldByName("file_descriptor_response");
  if (!reflection->HasField(message, files_field)) {
    return absl::NotFoundError(
        absl::StrCat("no file for ", symbol, ": ", message.ShortDebugString()));
  }
  const google::protobuf::Message& files = reflection->GetMessage(message, files_field);
  const google::protobuf::FieldDescriptor* proto_field =
      files.GetDescriptor()->FindFieldByName("file_descriptor_proto");
  if (files.GetReflection()->FieldSize(files, proto_field) == 0) {
    return absl::NotFoundError("empty file_descriptor_response");
  }
  google::protobuf::FileDescriptorProto file;
  if (!file.ParseFromString(files.GetReflection()->GetRepeatedString(files, proto_field, 0))) {
    return absl::DataLossError("bad FileDescriptorProto");
  }
  return file.name();
}

}  // namespace jixiao::server::testing
