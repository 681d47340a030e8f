#include "bench/load/load_runner.h"

#include <grpcpp/client_context.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/slice.h>
#include <grpcpp/support/stub_options.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/time/time.h"
#include "bench/load/latency_histogram.h"
#include "bench/load/load_channels.h"
#include "bench/load/request_payloads.h"
#include "bench/load/rpc_method.h"
#include "bench/load/status_counts.h"

namespace jixiao::load {
namespace {

using Clock = std::chrono::steady_clock;

// How long the channels may take to connect before the clock starts. Not the
// call deadline, which a run may set to a millisecond to study expiry; a
// refused connection ends the wait at once anyway.
constexpr absl::Duration kConnectTimeout = absl::Seconds(10);

double Seconds(Clock::duration duration) { return std::chrono::duration<double>(duration).count(); }

// One run from start to report. The calls in flight share the state below
// under mu_; each Slot is touched by one call at a time (the one it carries),
// so its fields need no lock: the next call on a slot starts only after the
// last one's completion has returned it.
class LoadRun {
 public:
  LoadRun(const LoadOptions& options, std::string path, std::vector<grpc::ByteBuffer> requests,
          std::vector<std::shared_ptr<grpc::Channel>> channels)
      : options_(options), path_(std::move(path)), requests_(std::move(requests)) {
    for (auto& channel : channels) stubs_.push_back(std::make_unique<grpc::GenericStub>(channel));
    const int slot_count =
        options_.mode == LoadMode::kClosedLoop ? options_.concurrency : options_.max_in_flight;
    slots_.resize(static_cast<size_t>(slot_count));
    for (int i = 0; i < slot_count; ++i) {
      // Consecutive slots go to consecutive channels, so any number of calls
      // in flight is spread evenly.
      slots_[i].stub = stubs_[static_cast<size_t>(i) % stubs_.size()].get();
      free_slots_.push_back(slot_count - 1 - i);  // slot 0 is taken first
    }
  }

  // Blocks until the run has ended and every call it started has ended. The
  // stubs and slots (whose contexts refer to the channels) are released by
  // the caller's thread afterwards, never inside a gRPC callback.
  LoadReport Run() {
    start_ = Clock::now();
    warmup_end_ = start_ + absl::ToChronoNanoseconds(options_.warmup);
    measure_end_ = warmup_end_ + absl::ToChronoNanoseconds(options_.duration);
    if (options_.mode == LoadMode::kClosedLoop) {
      StartClosedLoop();
    } else {
      PaceOpenLoop();
    }
    std::unique_lock<std::mutex> lock(mu_);
    idle_.wait(lock, [this] { return stopping_ && in_flight_ == 0; });
    return ReportLocked();
  }

 private:
  struct Slot {
    grpc::GenericStub* stub = nullptr;
    std::unique_ptr<grpc::ClientContext> context;
    grpc::ByteBuffer response;
    Clock::time_point start;  // what the latency is measured from
    bool measured = false;
  };

  struct Ticket {
    size_t request = 0;
    bool measured = false;
    Clock::time_point due;
  };

  enum class Claim { kSend, kNotSent, kStop };

  // Decides whether the call due at `due` is sent, under mu_. A call not sent
  // for want of a free slot uses up neither a request nor a --max-calls unit,
  // so that --no-repeat still sends every request.
  Claim ClaimLocked(Clock::time_point due, bool slot_free, Ticket* ticket) {
    if (stopping_) return Claim::kStop;
    if (due >= measure_end_) {
      StopLocked(StopReason::kDuration);
      return Claim::kStop;
    }
    const bool measured = due >= warmup_end_;
    if (!slot_free) {
      if (measured) ++not_sent_;
      return Claim::kNotSent;
    }
    ticket->request = static_cast<size_t>(next_request_ % requests_.size());
    ticket->measured = measured;
    ticket->due = due;
    ++next_request_;
    ++in_flight_;
    // The bounds are checked as soon as they are reached, so that the run
    // stops without waiting for one more call to come due.
    if (measured && ++measured_started_ >= options_.max_calls) StopLocked(StopReason::kMaxCalls);
    if (options_.no_repeat && next_request_ >= requests_.size()) {
      StopLocked(StopReason::kRequestsExhausted);
    }
    return Claim::kSend;
  }

  void StopLocked(StopReason reason) {
    if (stopping_) return;
    stopping_ = true;
    stop_reason_ = reason;
  }

  void Send(Slot& slot, const Ticket& ticket) {
    slot.context = std::make_unique<grpc::ClientContext>();
    slot.context->set_deadline(std::chrono::system_clock::now() +
                               absl::ToChronoNanoseconds(options_.deadline));
    slot.response.Clear();
    slot.measured = ticket.measured;
    slot.start = options_.mode == LoadMode::kOpenLoop ? ticket.due : Clock::now();
    slot.stub->UnaryCall(slot.context.get(), path_, grpc::StubOptions(), &requests_[ticket.request],
                         &slot.response,
                         [this, &slot](grpc::Status status) { OnDone(slot, status); });
  }

  // Runs on a gRPC thread when a call ends. In a closed loop it sends the
  // slot's next call from here, outside the lock.
  void OnDone(Slot& slot, const grpc::Status& status) {
    const Clock::time_point end = Clock::now();
    Ticket next;
    bool send_next = false;
    {
      std::lock_guard<std::mutex> lock(mu_);
      --in_flight_;
      if (slot.measured) {
        statuses_.Add(status.error_code());
        const int64_t nanos =
            std::chrono::duration_cast<std::chrono::nanoseconds>(end - slot.start).count();
        all_latency_.Record(nanos);
        if (status.ok()) ok_latency_.Record(nanos);
        last_end_ = std::max(last_end_, end);
      } else {
        ++warmup_calls_;
      }
      if (options_.mode == LoadMode::kClosedLoop) {
        send_next = ClaimLocked(end, /*slot_free=*/true, &next) == Claim::kSend;
      } else {
        free_slots_.push_back(static_cast<int>(&slot - slots_.data()));
      }
      // Notified under the lock: once Run sees the run idle it destroys this
      // object, which must not happen while this callback still touches it.
      if (stopping_ && in_flight_ == 0) idle_.notify_all();
    }
    if (send_next) Send(slot, next);
  }

  void StartClosedLoop() {
    for (Slot& slot : slots_) {
      Ticket ticket;
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (ClaimLocked(Clock::now(), /*slot_free=*/true, &ticket) != Claim::kSend) return;
      }
      Send(slot, ticket);
    }
  }

  // Sends call i when it is due, start + i / rate, whether or not earlier
  // calls have ended. Sleeping here paces the sender; it synchronizes nothing.
  void PaceOpenLoop() {
    const double nanos_between_calls = 1e9 / options_.rate;
    for (int64_t i = 0;; ++i) {
      const Clock::time_point due = start_ + std::chrono::nanoseconds(static_cast<int64_t>(
                                                 static_cast<double>(i) * nanos_between_calls));
      if (due < measure_end_) std::this_thread::sleep_until(due);
      Ticket ticket;
      Slot* slot = nullptr;
      {
        std::lock_guard<std::mutex> lock(mu_);
        const Claim claim = ClaimLocked(due, !free_slots_.empty(), &ticket);
        if (claim == Claim::kStop) return;
        if (claim == Claim::kNotSent) continue;
        slot = &slots_[static_cast<size_t>(free_slots_.back())];
        free_slots_.pop_back();
      }
      Send(*slot, ticket);
    }
  }

  LoadReport ReportLocked() const {
    LoadReport report;
    report.stopped_by = stop_reason_;
    report.duration_s = last_end_ > warmup_end_ ? Seconds(last_end_ - warmup_end_) : 0;
    report.statuses = statuses_;
    report.not_sent = not_sent_;
    report.warmup_calls = warmup_calls_;
    report.latency_ok = SummarizeLatency(ok_latency_);
    report.latency_all = SummarizeLatency(all_latency_);
    return report;
  }

  const LoadOptions& options_;
  const std::string path_;
  const std::vector<grpc::ByteBuffer> requests_;
  std::vector<std::unique_ptr<grpc::GenericStub>> stubs_;
  std::vector<Slot> slots_;

  Clock::time_point start_;
  Clock::time_point warmup_end_;
  Clock::time_point measure_end_;

  std::mutex mu_;
  std::condition_variable idle_;
  bool stopping_ = false;                           // guarded by mu_
  StopReason stop_reason_ = StopReason::kDuration;  // guarded by mu_
  int in_flight_ = 0;                               // guarded by mu_
  uint64_t next_request_ = 0;                       // guarded by mu_
  int64_t measured_started_ = 0;                    // guarded by mu_
  std::vector<int> free_slots_;                     // guarded by mu_; open loop only
  StatusCounts statuses_;                           // guarded by mu_
  LatencyHistogram ok_latency_;                     // guarded by mu_
  LatencyHistogram all_latency_;                    // guarded by mu_
  int64_t not_sent_ = 0;                            // guarded by mu_
  int64_t warmup_calls_ = 0;                        // guarded by mu_
  Clock::time_point last_end_;                      // guarded by mu_
};

std::vector<grpc::ByteBuffer> ToByteBuffers(const std::vector<std::string>& payloads) {
  std::vector<grpc::ByteBuffer> buffers;
  buffers.reserve(payloads.size());
  for (const std::string& payload : payloads) {
    grpc::Slice slice(payload);
    buffers.emplace_back(&slice, 1);
  }
  return buffers;
}

}  // namespace

absl::StatusOr<LoadReport> RunLoad(const LoadOptions& options) {
  if (absl::Status status = ValidateLoadOptions(options); !status.ok()) return status;
  absl::StatusOr<MethodName> name = ParseMethodName(options.method);
  if (!name.ok()) return name.status();
  absl::StatusOr<const google::protobuf::MethodDescriptor*> method = FindUnaryMethod(*name);
  if (!method.ok()) return method.status();
  absl::StatusOr<std::vector<std::string>> payloads =
      LoadRequestPayloads(options, *(*method)->input_type());
  if (!payloads.ok()) return payloads.status();

  // The channels outlive the run, whose calls' contexts hold references to
  // them: the last reference is dropped here, on the caller's thread.
  absl::StatusOr<transport::ChannelFactory> factory =
      transport::ChannelFactory::Create(options.security);
  if (!factory.ok()) return factory.status();
  const std::vector<std::shared_ptr<grpc::Channel>> channels =
      CreateLoadChannels(*factory, options.target, options.channels,
                         transport::ChannelPolicy{options.retry_unavailable});
  const int channels_ready = ConnectLoadChannels(channels, kConnectTimeout);

  LoadReport report;
  {
    LoadRun run(options, name->Path(), ToByteBuffers(*payloads), channels);
    report = run.Run();
  }
  report.label = options.label;
  report.method = name->Path();
  report.target = options.target;
  report.mode = options.mode;
  if (options.mode == LoadMode::kClosedLoop) {
    report.concurrency = options.concurrency;
  } else {
    report.rate = options.rate;
    report.max_in_flight = options.max_in_flight;
  }
  report.channels = options.channels;
  report.channels_ready = channels_ready;
  report.retry_unavailable = options.retry_unavailable;
  report.requests = static_cast<int>(payloads->size());
  report.warmup_s = absl::ToDoubleSeconds(options.warmup);
  report.duration_limit_s = absl::ToDoubleSeconds(options.duration);
  report.max_calls = options.max_calls;
  report.deadline_ms = absl::ToInt64Milliseconds(options.deadline);
  return report;
}

}  // namespace jixiao::load
