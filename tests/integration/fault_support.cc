#include "tests/integration/fault_support.h"

#include <algorithm>
#include <cmath>
#include <iostream>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "common/platform/redis/redis_pool.h"
#include "tools/gen/dataset_shape.h"
#include "tools/gen/report_generator.h"

namespace jixiao::testing {

std::unique_ptr<grpc::ClientContext> CallContext(absl::Duration timeout, bool wait_for_ready) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  context->set_wait_for_ready(wait_for_ready);
  return context;
}

v1::EvaluationReport DistinctReport(int index) {
  gen::DatasetShape shape;
  shape.seed = 17;
  shape.divisions = 2000;
  shape.departments_per_division = 10;
  shape.first_year = 2023;
  shape.years = 1;
  return gen::GenerateReport(shape, gen::AddressAt(shape, index));
}

namespace {
constexpr char kScheme[] = "guangzhou-department";
}  // namespace

grpc::Status SubmitDistinct(ServiceStack& stack, int index, v1::ReportRef* ref) {
  v1::SubmitReportRequest request;
  *request.mutable_report() = DistinctReport(index);
  v1::SubmitReportResponse response;
  const grpc::Status status =
      stack.ingest().SubmitReport(CallContext(absl::Seconds(20)).get(), request, &response);
  if (ref != nullptr) *ref = response.ref();
  return status;
}

grpc::Status GetStoredVersion(ServiceStack& stack, const v1::ReportRef& ref,
                              v1::GetReportResponse* stored) {
  v1::GetReportRequest request;
  request.set_report_id(ref.report_id());
  request.set_version(ref.version());
  return stack.ingest().GetReport(CallContext(absl::Seconds(20), true).get(), request, stored);
}

void FaultStackTest::StartWithReports(int count) {
  absl::StatusOr<std::unique_ptr<ServiceStack>> stack = ServiceStack::Start();
  ASSERT_TRUE(stack.ok()) << stack.status();
  stack_ = *std::move(stack);
  for (int i = 0; i < count; ++i) {
    v1::ReportRef ref;
    const grpc::Status status = SubmitDistinct(*stack_, i, &ref);
    ASSERT_TRUE(status.ok()) << status.error_message();
    ids_.push_back(ref.report_id());
    v1::GetScoreCardResponse card;
    const grpc::Status queried = QueryScoreCard(*stack_, ref.report_id(), &card);
    ASSERT_TRUE(queried.ok()) << queried.error_message();
    totals_[ref.report_id()] = card.scorecard().total();
  }
  v1::CompareResponse comparison;  // caches the rows of the year's comparison
  const grpc::Status compared = QueryCompare(*stack_, 2023, &comparison);
  ASSERT_TRUE(compared.ok()) << compared.error_message();
  ASSERT_EQ(comparison.rows_size(), count);
}

void FaultStackTest::TearDown() {
  if (HasFailure() && stack_ != nullptr) std::cerr << stack_->Logs();
}

grpc::Status QueryScoreCard(ServiceStack& stack, const std::string& report_id,
                            v1::GetScoreCardResponse* response, absl::Duration timeout) {
  v1::GetScoreCardRequest request;
  request.set_report_id(report_id);
  request.mutable_scheme()->set_id(kScheme);
  return stack.query().GetScoreCard(CallContext(timeout).get(), request, response);
}

grpc::Status QueryCompare(ServiceStack& stack, int year, v1::CompareResponse* response,
                          absl::Duration timeout) {
  v1::CompareRequest request;
  request.set_fiscal_year(year);
  request.mutable_scheme()->set_id(kScheme);
  return stack.query().Compare(CallContext(timeout).get(), request, response);
}

grpc::Status QueryRanking(ServiceStack& stack, int year, v1::RankingResponse* response,
                          absl::Duration timeout) {
  v1::RankingRequest request;
  request.set_fiscal_year(year);
  request.mutable_scheme()->set_id(kScheme);
  request.set_top_n(10);
  return stack.query().Ranking(CallContext(timeout).get(), request, response);
}

bool PollUntil(const std::function<bool()>& done, absl::Duration timeout, absl::Duration interval) {
  const absl::Time deadline = absl::Now() + timeout;
  while (!done()) {
    if (absl::Now() >= deadline) return false;
    absl::SleepFor(interval);
  }
  return true;
}

absl::Duration Quantile(std::vector<absl::Duration> samples, double q) {
  if (samples.empty()) return absl::ZeroDuration();
  std::sort(samples.begin(), samples.end());
  const auto rank = static_cast<size_t>(std::ceil(q * static_cast<double>(samples.size())));
  return samples[std::clamp<size_t>(rank, 1, samples.size()) - 1];
}

int64_t RankedInRedis(const RedisServer& redis, int year) {
  redis::RedisConfig config;
  config.port = redis.port();
  absl::StatusOr<std::unique_ptr<redis::RedisPool>> pool = redis::RedisPool::Create(config);
  if (!pool.ok()) return -1;
  int64_t members = 0;
  for (const char* set : {"rank", "unranked"}) {
    absl::StatusOr<redis::RedisReply> keys =
        (*pool)->Command({"KEYS", absl::StrCat("jixiao:v1:", set, ":*:", year, ":department:all")});
    if (!keys.ok()) return -1;
    if (keys->elements().size() != 1) continue;
    absl::StatusOr<redis::RedisReply> size = (*pool)->Command({"ZCARD", keys->elements()[0].str()});
    if (!size.ok()) return -1;
    members += size->integer();
  }
  return members;
}

CallingThreads::CallingThreads(int threads, Call call) : call_(std::move(call)) {
  for (int thread = 0; thread < threads; ++thread) {
    threads_.emplace_back([this, thread] { Run(thread); });
  }
}

CallingThreads::~CallingThreads() { Stop(); }

void CallingThreads::Stop() {
  stop_.store(true);
  for (std::thread& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

void CallingThreads::Run(int thread) {
  for (int iteration = 0; !stop_.load(); ++iteration) {
    const grpc::Status status = call_(thread, iteration);
    if (status.ok()) {
      ok_.fetch_add(1);
      continue;
    }
    const bool late = fault_.load();
    std::lock_guard<std::mutex> lock(mu_);
    ++(late ? late_ : early_)[status.error_code()];
    if (late) late_messages_.emplace(status.error_code(), status.error_message());
    if (!late && first_early_error_.empty()) {
      first_early_error_ = absl::StrCat(status.error_code(), ": ", status.error_message());
    }
  }
}

std::map<grpc::StatusCode, int> CallingThreads::FailedBeforeFault() const {
  std::lock_guard<std::mutex> lock(mu_);
  return early_;
}

std::map<grpc::StatusCode, int> CallingThreads::FailedAfterFault() const {
  std::lock_guard<std::mutex> lock(mu_);
  return late_;
}

std::map<grpc::StatusCode, std::string> CallingThreads::LateMessages() const {
  std::lock_guard<std::mutex> lock(mu_);
  return late_messages_;
}

std::string CallingThreads::FirstEarlyError() const {
  std::lock_guard<std::mutex> lock(mu_);
  return first_early_error_;
}

}  // namespace jixiao::testing
