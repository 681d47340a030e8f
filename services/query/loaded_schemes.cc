#include "services/query/loaded_schemes.h"

#include "absl/time/clock.h"

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
  absl::StatusOr<LoadedScheme> resolved = ResolveScheme(requested, default_scheme_id_, *schemes);
  if (resolved.ok() || resolved.status().code() != absl::StatusCode::kNotFound) return resolved;
  // Scoring may have loaded the scheme since the list was taken.
  schemes = List(call, /*refresh=*/true);
  if (!schemes.ok()) return resolved.status();
  return ResolveScheme(requested, default_scheme_id_, *schemes);
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
    LoadedScheme loaded;
    loaded.ref.set_id(scheme.id());
    loaded.ref.set_version(scheme.version());
    loaded.ref.set_content_hash(scheme.content_hash());
    loaded.report_kind = scheme.report_kind();
    schemes_.push_back(std::move(loaded));
  }
  listed_ = true;
  listed_at_ = absl::Now();
  return schemes_;
}

}  // namespace jixiao::query
