# The layers of the tree and what each may include. Read by
# check_layers.cmake, which the build runs on every build.
#
#   protos ─► common/utf8 ─► common/domain ┐
#                          └► common/platform ─► common/score_cache ─► services/* ─► tools, bench
#
# A folder below never includes one above it or beside it; the three services
# never include one another (they talk through the contracts only). The fuzzers
# (fuzz/, -DJIXIAO_FUZZ=ON) take the domain and the scoring scheme and engine only.
set(JIXIAO_LAYER_RULES
  # folder                 may not include (a regular expression on the path)
  "common/utf8"            "^(common/(domain|platform|score_cache)|services|tools|bench|tests)/"
  "common/domain"          "^(common/(platform|score_cache)|services|tools|bench|tests)/"
  "common/platform"        "^(common/(domain|score_cache)|services|tools|bench|tests)/"
  "common/score_cache"     "^(services|tools|bench|tests)/"
  "services/ingest"        "^(services/(scoring|query)|tools|bench|tests)/"
  "services/scoring"       "^(services/(ingest|query)|tools|bench|tests)/"
  "services/query"         "^(services/(ingest|scoring)|tools|bench|tests)/"
  "fuzz"                   "^(common/(platform|score_cache)|services/(ingest|query)|tools|bench|tests)/"
)
