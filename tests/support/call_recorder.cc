#include "tests/support/call_recorder.h"

#include <algorithm>
#include <utility>

#include "absl/strings/match.h"

namespace jixiao::testing {

using grpc::experimental::InterceptionHookPoints;

// One call's interceptor: counts the messages it receives and reports the call
// answered when its status is sent, or when it ends without one (cancelled).
class CallRecorder::Recording final : public grpc::experimental::Interceptor {
 public:
  Recording(CallRecorder* recorder, std::string method)
      : recorder_(recorder), method_(std::move(method)) {
    recorder_->Arrived(method_);
  }
  ~Recording() override { Answer(); }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    // A read that found the stream's end reaches this hook without a message.
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_MESSAGE) &&
        methods->GetRecvMessage() != nullptr) {
      ++messages_;
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) Answer();
    methods->Proceed();
  }

 private:
  void Answer() {
    if (answered_) return;
    answered_ = true;
    recorder_->Answered(method_, messages_);
  }

  CallRecorder* const recorder_;
  const std::string method_;
  int messages_ = 0;
  bool answered_ = false;
};

class CallRecorder::Factory final : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit Factory(CallRecorder* recorder) : recorder_(recorder) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    // The health checks every channel makes on its own are not the client's calls.
    if (absl::StartsWith(info->method(), "/grpc.health.v1.")) return nullptr;
    return new Recording(recorder_, info->method());
  }

 private:
  CallRecorder* const recorder_;
};

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> CallRecorder::Interceptor() {
  return std::make_unique<Factory>(this);
}

void CallRecorder::Arrived(const std::string& method) {
  std::lock_guard<std::mutex> lock(mu_);
  ++calls_[method];
  max_in_flight_ = std::max(max_in_flight_, ++in_flight_);
  changed_.notify_all();
}

void CallRecorder::Answered(const std::string& method, int messages) {
  std::lock_guard<std::mutex> lock(mu_);
  messages_[method].push_back(messages);
  --in_flight_;
  changed_.notify_all();
}

int CallRecorder::calls(absl::string_view method) const {
  std::lock_guard<std::mutex> lock(mu_);
  const auto found = calls_.find(method);
  return found == calls_.end() ? 0 : found->second;
}

std::vector<int> CallRecorder::messages_per_call(absl::string_view method) const {
  std::lock_guard<std::mutex> lock(mu_);
  const auto found = messages_.find(method);
  return found == messages_.end() ? std::vector<int>() : found->second;
}

int CallRecorder::max_in_flight() const {
  std::lock_guard<std::mutex> lock(mu_);
  return max_in_flight_;
}

bool CallRecorder::WaitForInFlight(int count, absl::Duration timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  return changed_.wait_for(lock, absl::ToChronoNanoseconds(timeout),
                           [&] { return in_flight_ >= count; });
}

}  // namespace jixiao::testing
