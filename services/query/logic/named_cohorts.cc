#include "services/query/logic/named_cohorts.h"

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include <set>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "services/query/logic/cohort_plan.h"

namespace jixiao::query {
namespace {

// Collects the text parser's complaints instead of letting it log them.
class ParseErrors : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    if (first_.empty()) first_ = absl::StrCat("line ", line + 1, ":", column + 1, ": ", message);
  }
  const std::string& first() const { return first_; }

 private:
  std::string first_;
};

bool IsValidName(const std::string& name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

}  // namespace

absl::StatusOr<NamedCohorts> NamedCohorts::Parse(const std::string& text) {
  jixiao::v1::CohortConfig config;
  google::protobuf::TextFormat::Parser parser;
  ParseErrors errors;
  parser.RecordErrorsTo(&errors);
  if (!parser.ParseFromString(text, &config)) {
    return absl::InvalidArgumentError(absl::StrCat("cohort configuration: ", errors.first()));
  }
  NamedCohorts named;
  std::set<std::string> seen;
  for (int i = 0; i < config.cohorts_size(); ++i) {
    const jixiao::v1::NamedCohort& cohort = config.cohorts(i);
    const std::string field = absl::StrCat("cohorts[", i, "]");
    if (!IsValidName(cohort.name())) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ".name: \"", cohort.name(),
                       "\" must be lower-case letters, digits and '-', not empty"));
    }
    if (!seen.insert(cohort.name()).second) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ".name: \"", cohort.name(), "\" is defined twice"));
    }
    if (!cohort.criteria().name().empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ".criteria.name: a named cohort cannot refer to another"));
    }
    if (absl::Status status = CheckCohortCriteria(cohort.criteria()); !status.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ".criteria.", status.message().substr(sizeof("cohort.") - 1)));
    }
    named.cohorts_.push_back(cohort);
  }
  return named;
}

const jixiao::v1::Cohort* NamedCohorts::Find(const std::string& name) const {
  for (const jixiao::v1::NamedCohort& cohort : cohorts_) {
    if (cohort.name() == name) return &cohort.criteria();
  }
  return nullptr;
}

}  // namespace jixiao::query
