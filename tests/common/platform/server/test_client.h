#pragma once

// Client helpers for the server tests. Debian ships neither generated stubs for
// grpc.health.v1 nor grpc::ProtoReflectionDescriptorDatabase, so the tests talk
// to the health and reflection services through the generic (byte-level) stub
// and encode the small messages with protobuf's own APIs.

#include <grpcpp/channel.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/support/client_callback.h>

#include <condition_variable>
#include <deque>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace jixiao::server::testing {

struct UnaryResult {
  grpc::Status status;
  std::string response;
};

// A unary call in progress. Everything the call touches, the channel
// reference included, belongs to this object and is released on the test's
// thread: gRPC 1.51 must not lose the last reference to a channel inside one of
// its own callbacks (it would tear down the completion queue that runs them).
class PendingUnary {
 public:
  PendingUnary(const std::shared_ptr<grpc::Channel>& channel, const std::string& method,
               const std::string& request, absl::Duration timeout);
  // Waits for the call to end: the callback must have run before the state goes.
  ~PendingUnary();

  bool done();
  // Waits for the call and returns its outcome.
  UnaryResult Get();

 private:
  grpc::GenericStub stub_;
  grpc::ClientContext context_;
  grpc::ByteBuffer request_;
  grpc::ByteBuffer response_;
  std::mutex mu_;
  std::condition_variable finished_;
  std::optional<grpc::Status> status_;  // guarded by mu_
};

// Starts a unary call.
std::unique_ptr<PendingUnary> StartUnary(const std::shared_ptr<grpc::Channel>& channel,
                                         const std::string& method, const std::string& request,
                                         absl::Duration timeout = absl::Seconds(10));

UnaryResult CallUnary(const std::shared_ptr<grpc::Channel>& channel, const std::string& method,
                      const std::string& request, absl::Duration timeout = absl::Seconds(10));

// A streaming call that sends `requests`, half-closes and collects what the
// server sends. Works for server-streaming methods too: on the wire a client
// that sends one message and half-closes is the same.
class StreamCall final : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  StreamCall(const std::shared_ptr<grpc::Channel>& channel, const std::string& method,
             std::vector<std::string> requests, absl::Duration timeout = absl::Seconds(30));
  // Cancels the call if it still runs and waits for it to end.
  ~StreamCall() override;

  // The next message; nullopt once the server has ended the stream or
  // `timeout` passed without one.
  std::optional<std::string> Next(absl::Duration timeout = absl::Seconds(10));
  // Waits for the call's status.
  grpc::Status Finish();
  void Cancel() { context_.TryCancel(); }

  void OnWriteDone(bool ok) override;
  void OnReadDone(bool ok) override;
  void OnDone(const grpc::Status& status) override;

 private:
  void WriteNext();

  grpc::GenericStub stub_;
  grpc::ClientContext context_;
  std::vector<std::string> requests_;
  size_t next_request_ = 0;
  grpc::ByteBuffer outgoing_;
  grpc::ByteBuffer incoming_;

  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<std::string> received_;    // guarded by mu_
  bool reads_done_ = false;             // guarded by mu_
  std::optional<grpc::Status> status_;  // guarded by mu_
};

// grpc.health.v1.HealthCheckResponse.ServingStatus values.
enum class Health { kUnknown = 0, kServing = 1, kNotServing = 2, kServiceUnknown = 3 };

std::string EncodeHealthRequest(const std::string& service);
absl::StatusOr<Health> DecodeHealthResponse(const std::string& bytes);

// Health/Check for `service`; a failed call comes back as its status.
absl::StatusOr<Health> CheckHealth(const std::shared_ptr<grpc::Channel>& channel,
                                   const std::string& service);

// Services listed by grpc.reflection.v1alpha.ServerReflection.
absl::StatusOr<std::vector<std::string>> ListServicesByReflection(
    const std::shared_ptr<grpc::Channel>& channel);

// The name of the file that defines `symbol`, asked through reflection.
absl::StatusOr<std::string> FileContainingSymbolByReflection(
    const std::shared_ptr<grpc::Channel>& channel, const std::string& symbol);

}  // namespace jixiao::server::testing
