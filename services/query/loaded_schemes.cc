#include "services/query/loaded_schemes.h"

#include "absl/time/clock.h"
#include "common/domain/scheme_resolution/scheme_resolution.h"

namespace jixiao::query {

LoadedSchemes::LoadedSchemes(ScoringClient* scoring, std::string default_scheme_id,
                             absl::Duration max_age, logging::Logger logger)
    : scoring_(scoring),
      default_scheme_id_(std::move(default_scheme_id)),
      max_age_(max_age),
      logger_(logger) {}

absl::StatusOr<LoadedScheme> LoadedSchemes::Resolve(const QueryCall& call,
                                                    const jixiao::v1::SchemeRef& requested) {
  absl::StatusOr<std::vector<LoadedScheme>> schemes = List(call, /*refresh=*/false);
  if (!schemes.ok()) return schemes.status();
  absl::StatusOr<LoadedScheme> resolved = ResolveIn(requested, *schemes);
  if (resolved.ok() || resolved.status().code() != absl::StatusCode::kNotFound) return resolved;
  // Scoring may have loaded the scheme since the list was taken.
  schemes = List(call, /*refresh=*/true);
  if (!schemes.ok()) return resolved.status();
  return ResolveIn(requested, *schemes);
}

absl::StatusOr<LoadedScheme> LoadedSchemes::ResolveIn(
    const jixiao::v1::SchemeRef& requested, const std::vector<LoadedScheme>& schemes) const {
  std::vector<jixiao::v1::SchemeRef> refs;
  refs.reserve(schemes.size());
  for (const LoadedScheme& scheme : schemes) refs.push_back(scheme.ref);
  absl::StatusOr<size_t> resolved =
      scheme_resolution::ResolveScheme(requested, default_scheme_id_, refs);
  if (!resolved.ok()) return resolved.status();
  return schemes[*resolved];
}

absl::StatusOr<std::vector<LoadedScheme>> LoadedSchemes::List(const QueryCall& call, bool refresh) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (listed_ && !refresh && absl::Now() - listed_at_ < max_age_) return schemes_;
  }
  // Asked without the lock: two calls may ask at once, which is harmless.
  absl::StatusOr<jixiao::v1::ListSchemesResponse> response = scoring_->ListSchemes(call);
  std::lock_guard<std::mutex> lock(mu_);
  if (!response.ok()) {
    if (!listed_) return response.status();
    logger_.Warn("scheme_list_stale", {{"error", response.status().ToString()}});
    return schemes_;
  }
  schemes_.clear();
  for (const jixiao::v1::Scheme& scheme : response->schemes()) {
    schemes_.push_back({scheme_resolution::RefOf(scheme), scheme.report_kind()});
  }
  listed_ = true;
  listed_at_ = absl::Now();
  return schemes_;
}

}  // namespace jixiao::query
