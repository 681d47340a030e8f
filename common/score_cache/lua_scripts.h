#pragma once

// The Lua scripts the cache layout runs inside Redis (lua_script.h), each kept
// as a file of its own under lua/ and compiled in by the build
// (cmake/embed_text.cmake). Each script's file says its KEYS, ARGV and reply.

#include <string_view>

namespace jixiao::score_cache {

std::string_view CatalogPublishLua();    // lua/catalog_publish.lua
std::string_view CohortRowsLua();        // lua/cohort_rows.lua
std::string_view LatestScoreCardsLua();  // lua/latest_scorecards.lua
std::string_view RankingAddLua();        // lua/ranking_add.lua
std::string_view RankingWindowLua();     // lua/ranking_window.lua

}  // namespace jixiao::score_cache
