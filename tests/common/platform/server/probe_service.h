#pragma once

// A test-only callback service, jixiao.testing.Probe, written against gRPC's
// byte-level handlers (as generated code is) so that the server tests need no
// proto of their own. Requests and responses are raw bytes.
//
//   Echo      answers with the request, on the gRPC thread.
//   Fail      answers INVALID_ARGUMENT with the request as the message.
//   Blocking  runs on the worker pool through RunBlocking; waits until the test
//             opens the gate, then echoes.
//   Remaining answers the milliseconds left before the call's deadline, or
//             "none" when it has no deadline.
//   Hop       calls Remaining on the channel given by SetDownstream, with a
//             DownstreamContext, and answers what Remaining answered: the
//             deadline as seen one hop downstream.

#include <grpcpp/channel.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/impl/codegen/service_type.h>
#include <grpcpp/support/byte_buffer.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>

#include "absl/time/time.h"
#include "common/platform/worker_pool/worker_pool.h"

namespace jixiao::server::testing {

inline constexpr char kProbeServiceName[] = "jixiao.testing.Probe";
inline constexpr char kEchoMethod[] = "/jixiao.testing.Probe/Echo";
inline constexpr char kFailMethod[] = "/jixiao.testing.Probe/Fail";
// Answers UNAVAILABLE with the request as the message, as a handler whose dependency is down.
inline constexpr char kUnavailableMethod[] = "/jixiao.testing.Probe/Unavailable";
inline constexpr char kBlockingMethod[] = "/jixiao.testing.Probe/Blocking";
inline constexpr char kRemainingMethod[] = "/jixiao.testing.Probe/Remaining";
inline constexpr char kHopMethod[] = "/jixiao.testing.Probe/Hop";

grpc::ByteBuffer ToByteBuffer(const std::string& bytes);
std::string FromByteBuffer(const grpc::ByteBuffer& buffer);

// Holds Blocking calls inside the worker pool until opened.
class Gate {
 public:
  // Called by the Blocking handler once RunBlocking has queued (or refused) its work.
  void NoteHandled();
  // Waits until `count` Blocking handlers have returned; false after `timeout`.
  bool WaitForHandled(int count, absl::Duration timeout);
  // Called by the work: counts it as entered, then waits for Open().
  void EnterAndWait();
  // Waits until `count` Blocking calls have entered; false after `timeout`.
  bool WaitForEntered(int count, absl::Duration timeout);
  void Open();
  int entered() const;

 private:
  mutable std::mutex mu_;
  std::condition_variable changed_;
  int handled_ = 0;
  int entered_ = 0;
  bool open_ = false;
};

class ProbeService final : public grpc::Service {
 public:
  ProbeService(WorkerPool& pool, Gate& gate);

  // Where Hop sends its downstream call; set before the first Hop call.
  void SetDownstream(std::shared_ptr<grpc::Channel> channel);

 private:
  // Owned here rather than by each call's state, which is freed inside a gRPC
  // callback where the last reference to a channel must not go (see test_client.h).
  std::unique_ptr<grpc::GenericStub> downstream_;
};

}  // namespace jixiao::server::testing
