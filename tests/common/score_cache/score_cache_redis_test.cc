// The catalog, scorecard cache and rankings against a real redis-server: the
// invariants the services rely on for freshness.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "common/score_cache/cache_keys.h"
#include "common/score_cache/cohort_rows.h"
#include "common/score_cache/comparison_row_cache.h"
#include "common/score_cache/latest_scorecards.h"
#include "common/score_cache/ranking_index.h"
#include "common/score_cache/ranking_window_reader.h"
#include "common/score_cache/report_catalog.h"
#include "common/score_cache/scorecard_cache.h"
#include "tests/common/platform/redis/redis_server_fixture.h"
#include "tests/support/status_macros.h"

namespace jixiao::score_cache {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr int kYear = 2023;

jixiao::v1::Department District(const std::string& code) {
  jixiao::v1::Department department;
  department.set_code(code);
  department.set_name(code + " 商务局");
  department.set_level(jixiao::v1::ADMINISTRATIVE_LEVEL_DISTRICT);
  department.add_sector_tags("commerce");
  return department;
}

CatalogEntry Entry(const std::string& id, int64_t version) {
  return CatalogEntry{id, version, kYear, District(id)};
}

jixiao::v1::SchemeRef Scheme() {
  jixiao::v1::SchemeRef scheme;
  scheme.set_id("guangzhou-department");
  scheme.set_version(1);
  return scheme;
}

jixiao::v1::ScoreCard Card(const std::string& id, int64_t version, double total,
                           bool complete = true) {
  jixiao::v1::ScoreCard card;
  card.mutable_report()->set_report_id(id);
  card.mutable_report()->set_version(version);
  *card.mutable_scheme() = Scheme();
  *card.mutable_department() = District(id);
  card.set_fiscal_year(kYear);
  card.set_total(total);
  card.set_complete(complete);
  return card;
}

RankingScope Scope(const std::string& cohort = "all") {
  return RankingScope{Scheme(), kYear, cohort};
}

std::vector<std::string> Ids(const std::vector<RankedEntry>& entries) {
  std::vector<std::string> ids;
  for (const RankedEntry& entry : entries) ids.push_back(entry.report_id);
  return ids;
}

std::vector<int64_t> Ranks(const std::vector<RankedEntry>& entries) {
  std::vector<int64_t> ranks;
  for (const RankedEntry& entry : entries) ranks.push_back(entry.rank);
  return ranks;
}

class ScoreCacheTest : public redis::RedisServerFixture {
 protected:
  void SetUp() override {
    RedisServerFixture::SetUp();
    if (HasFatalFailure()) return;
    pool_ = MakePool(ServerConfig());
    ASSERT_NE(pool_, nullptr);
    catalog_ = std::make_unique<ReportCatalog>(pool_.get());
    rankings_ = std::make_unique<RankingIndex>(pool_.get());
  }

  void Publish(const std::vector<CatalogEntry>& entries) { ASSERT_OK(catalog_->Publish(entries)); }

  bool Rank(const jixiao::v1::ScoreCard& card) {
    absl::StatusOr<bool> added = rankings_->Add(card);
    EXPECT_TRUE(added.ok()) << added.status();
    return added.ok() && *added;
  }

  std::vector<RankedEntry> Top(int64_t n) {
    absl::StatusOr<std::vector<RankedEntry>> top = rankings_->Top(Scope(), n);
    EXPECT_TRUE(top.ok()) << top.status();
    return top.ok() ? *top : std::vector<RankedEntry>{};
  }

  std::unique_ptr<redis::RedisPool> pool_;
  std::unique_ptr<ReportCatalog> catalog_;
  std::unique_ptr<RankingIndex> rankings_;
};

TEST_F(ScoreCacheTest, PublishedVersionsOnlyMoveForward) {
  Publish({Entry("a", 1), Entry("b", 2)});
  Publish({Entry("a", 3)});
  Publish({Entry("a", 2)});  // late and older: ignored
  ASSERT_OK_AND_ASSIGN(std::vector<int64_t> versions, catalog_->LatestVersions({"a", "b", "c"}));
  EXPECT_THAT(versions, ElementsAre(3, 2, 0));

  ASSERT_OK_AND_ASSIGN(
      std::vector<std::string> members,
      catalog_->CohortMembers(kYear, jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION,
                              "level:district"));
  EXPECT_THAT(members, ElementsAre("a", "b"));

  ASSERT_OK_AND_ASSIGN(std::vector<std::optional<jixiao::v1::Department>> departments,
                       catalog_->Departments({"b", "c"}));
  ASSERT_TRUE(departments[0].has_value());
  EXPECT_EQ(departments[0]->name(), "b 商务局");
  EXPECT_FALSE(departments[1].has_value());
}

TEST_F(ScoreCacheTest, EachKindHasCohortsAndRankingsOfItsOwn) {
  // Two departments' self-evaluations beside three of their project reports.
  const std::string a = "440106:a/2023/department";
  const std::string b = "440104:b/2023/department";
  const std::string a1 = "440106:a/2023/project/fair";
  const std::string a2 = "440106:a/2023/project/expo";
  const std::string b1 = "440104:b/2023/project/fair";
  Publish({Entry(a, 1), Entry(b, 1), Entry(a1, 1), Entry(a2, 1), Entry(b1, 1)});
  ASSERT_TRUE(catalog_->MarkReady().ok());
  const auto members = [&](jixiao::v1::ReportKind kind) {
    absl::StatusOr<std::vector<std::string>> ids = catalog_->CohortMembers(kYear, kind, "all");
    EXPECT_TRUE(ids.ok()) << ids.status();
    return ids.ok() ? *ids : std::vector<std::string>{};
  };
  EXPECT_THAT(members(jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION), ElementsAre(b, a));
  EXPECT_THAT(members(jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION), ElementsAre(b1, a2, a1));
  EXPECT_THAT(members(jixiao::v1::REPORT_KIND_EXTERNAL_EVALUATION), IsEmpty());

  // The department scheme ranks both department reports: complete, whatever
  // the projects of the year.
  EXPECT_TRUE(Rank(Card(a, 1, 80)));
  EXPECT_TRUE(Rank(Card(b, 1, 90)));
  ASSERT_OK_AND_ASSIGN(CohortCoverage departments, rankings_->Coverage(Scope()));
  EXPECT_EQ(departments.members, 2);
  EXPECT_TRUE(departments.complete());
  EXPECT_THAT(Ids(Top(10)), ElementsAre(b, a));

  // A project scheme's ranking fills with the project reports alone.
  RankingScope projects = Scope();
  projects.kind = jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION;
  for (const auto& [id, total] : {std::pair{a1, 70.0}, {a2, 95.0}}) {
    jixiao::v1::ScoreCard card = Card(id, 1, total);
    card.mutable_scheme()->set_id("mof-2021-101");
    EXPECT_TRUE(Rank(card));
  }
  projects.scheme.set_id("mof-2021-101");
  ASSERT_OK_AND_ASSIGN(CohortCoverage partial, rankings_->Coverage(projects));
  EXPECT_EQ(partial.members, 3);
  EXPECT_FALSE(partial.complete());
  jixiao::v1::ScoreCard last = Card(b1, 1, 0, /*complete=*/false);
  last.mutable_scheme()->set_id("mof-2021-101");
  EXPECT_TRUE(Rank(last));
  ASSERT_OK_AND_ASSIGN(CohortCoverage full, rankings_->Coverage(projects));
  EXPECT_TRUE(full.complete());
  ASSERT_OK_AND_ASSIGN(std::vector<RankedEntry> top, rankings_->Top(projects, 10));
  EXPECT_THAT(Ids(top), ElementsAre(a2, a1));
  ASSERT_OK_AND_ASSIGN(std::vector<std::string> unranked, rankings_->Unranked(projects));
  EXPECT_THAT(unranked, ElementsAre(b1));
  // The department ranking did not change.
  EXPECT_THAT(Ids(Top(10)), ElementsAre(b, a));
}

TEST_F(ScoreCacheTest, CatalogIsReadyOnlyOnceMarked) {
  absl::StatusOr<bool> ready = catalog_->Ready();
  ASSERT_TRUE(ready.ok()) << ready.status();
  EXPECT_FALSE(*ready);
  ASSERT_TRUE(catalog_->MarkReady().ok());
  ready = catalog_->Ready();
  ASSERT_TRUE(ready.ok()) << ready.status();
  EXPECT_TRUE(*ready);
}

TEST_F(ScoreCacheTest, OnlyTheLatestVersionIsRanked) {
  EXPECT_FALSE(Rank(Card("a", 1, 90)));  // nothing published yet
  Publish({Entry("a", 1)});
  EXPECT_TRUE(Rank(Card("a", 1, 90)));
  EXPECT_THAT(Ids(Top(10)), ElementsAre("a"));

  // A new version leaves the ranking at once; the old card cannot come back.
  Publish({Entry("a", 2)});
  EXPECT_THAT(Top(10), IsEmpty());
  EXPECT_FALSE(Rank(Card("a", 1, 90)));
  EXPECT_TRUE(Rank(Card("a", 2, 70)));
  ASSERT_EQ(Top(10).size(), 1u);
  EXPECT_EQ(Top(10)[0].total, 70);

  // Republishing the current version (a catalog resync) keeps the ranking.
  Publish({Entry("a", 2)});
  EXPECT_EQ(Top(10).size(), 1u);
}

TEST_F(ScoreCacheTest, CoverageCountsRankedAndUnrankedMembers) {
  Publish({Entry("a", 1), Entry("b", 1), Entry("c", 1)});
  ASSERT_TRUE(catalog_->MarkReady().ok());
  ASSERT_TRUE(Rank(Card("a", 1, 90)));
  ASSERT_TRUE(Rank(Card("b", 1, 40, /*complete=*/false)));
  absl::StatusOr<CohortCoverage> coverage = rankings_->Coverage(Scope());
  ASSERT_TRUE(coverage.ok()) << coverage.status();
  EXPECT_EQ(coverage->members, 3);
  EXPECT_EQ(coverage->ranked, 1);
  EXPECT_EQ(coverage->unranked, 1);
  EXPECT_FALSE(coverage->complete());

  ASSERT_TRUE(Rank(Card("c", 1, 80)));
  coverage = rankings_->Coverage(Scope("sector:commerce"));
  ASSERT_TRUE(coverage.ok()) << coverage.status();
  EXPECT_TRUE(coverage->complete());
  EXPECT_THAT(Ids(Top(10)), ElementsAre("a", "c"));
  ASSERT_OK_AND_ASSIGN(std::vector<std::string> unranked, rankings_->Unranked(Scope()));
  EXPECT_THAT(unranked, ElementsAre("b"));
}

TEST_F(ScoreCacheTest, EqualTotalsShareACompetitionRank) {
  Publish({Entry("a", 1), Entry("b", 1), Entry("c", 1), Entry("d", 1), Entry("e", 1)});
  for (const auto& [id, total] : std::vector<std::pair<std::string, double>>{
           {"a", 95}, {"b", 85}, {"c", 85}, {"d", 80}, {"e", 80}}) {
    ASSERT_TRUE(Rank(Card(id, 1, total)));
  }
  const std::vector<RankedEntry> top = Top(10);
  EXPECT_THAT(Ids(top), ElementsAre("a", "c", "b", "e", "d"));  // ties: report_id descending
  EXPECT_THAT(Ranks(top), ElementsAre(1, 2, 2, 4, 4));

  // A window that starts inside a tie still ranks by strictly greater totals.
  absl::StatusOr<std::vector<RankedEntry>> around = rankings_->Around(Scope(), "b", 1);
  ASSERT_TRUE(around.ok()) << around.status();
  EXPECT_THAT(Ids(*around), ElementsAre("c", "b", "e"));
  EXPECT_THAT(Ranks(*around), ElementsAre(2, 2, 4));

  around = rankings_->Around(Scope(), "d", 2);
  ASSERT_TRUE(around.ok()) << around.status();
  EXPECT_THAT(Ids(*around), ElementsAre("b", "e", "d"));
  EXPECT_THAT(Ranks(*around), ElementsAre(2, 4, 4));

  around = rankings_->Around(Scope(), "nobody", 2);
  ASSERT_TRUE(around.ok()) << around.status();
  EXPECT_THAT(*around, IsEmpty());
}

TEST_F(ScoreCacheTest, ScoreCardsAreCachedPerVersionWithATtl) {
  ScoreCardCache cache(pool_.get(), absl::Hours(1));
  jixiao::v1::CachedScoreCard entry;
  *entry.mutable_scorecard() = Card("a", 2, 88.5);
  entry.set_computed_at_unix_ms(1700000000000);
  ASSERT_TRUE(cache.Put(entry).ok());

  ASSERT_OK_AND_ASSIGN(
      std::vector<std::optional<jixiao::v1::CachedScoreCard>> got,
      cache.GetMany({ScoreCardAddress{Scheme(), "a", 2}, ScoreCardAddress{Scheme(), "a", 1}}));
  ASSERT_TRUE(got[0].has_value());
  EXPECT_EQ(got[0]->scorecard().total(), 88.5);
  EXPECT_EQ(got[0]->computed_at_unix_ms(), 1700000000000);
  EXPECT_FALSE(got[1].has_value());

  ASSERT_OK_AND_ASSIGN(redis::RedisReply ttl,
                       pool_->Command({"PTTL", ScoreCardKey(Scheme(), "a", 2)}));
  EXPECT_GT(ttl.integer(), 0);
  EXPECT_LE(ttl.integer(), 3600 * 1000);

  jixiao::v1::CachedScoreCard unresolved;
  *unresolved.mutable_scorecard() = Card("a", 0, 1);
  EXPECT_EQ(cache.Put(unresolved).code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(ScoreCacheTest, LatestScoreCardsReadTheCardOfThePublishedVersionOnly) {
  LatestScoreCardReader reader(pool_.get());
  ASSERT_OK_AND_ASSIGN(LatestScoreCards before_ready, reader.Read(Scheme(), {"a"}));
  EXPECT_FALSE(before_ready.catalog_ready);
  EXPECT_THAT(before_ready.reports, IsEmpty());

  Publish({Entry("a", 1), Entry("b", 1)});
  ASSERT_TRUE(catalog_->MarkReady().ok());
  ScoreCardCache cache(pool_.get(), absl::Hours(1));
  for (const jixiao::v1::ScoreCard& card : {Card("a", 1, 70), Card("b", 1, 80)}) {
    jixiao::v1::CachedScoreCard entry;
    *entry.mutable_scorecard() = card;
    entry.set_computed_at_unix_ms(1700000000000);
    ASSERT_TRUE(cache.Put(entry).ok());
  }
  // a moves to version 2, whose card is not computed yet: version 1's card
  // must not answer for it.
  Publish({Entry("a", 2)});

  absl::StatusOr<LatestScoreCards> read = reader.Read(Scheme(), {"a", "b", "unknown"});
  ASSERT_TRUE(read.ok()) << read.status();
  ASSERT_TRUE(read->catalog_ready);
  ASSERT_EQ(read->reports.size(), 3u);
  EXPECT_EQ(read->reports[0].version, 2);
  EXPECT_FALSE(read->reports[0].cached_card.has_value());
  EXPECT_EQ(read->reports[1].version, 1);
  ASSERT_TRUE(read->reports[1].cached_card.has_value());
  jixiao::v1::CachedScoreCard b;
  ASSERT_TRUE(b.ParseFromString(*read->reports[1].cached_card));
  EXPECT_EQ(b.scorecard().total(), 80);
  EXPECT_EQ(b.computed_at_unix_ms(), 1700000000000);
  EXPECT_EQ(read->reports[2].version, 0);
  EXPECT_FALSE(read->reports[2].cached_card.has_value());

  // Under another scheme version nothing is cached.
  jixiao::v1::SchemeRef other = Scheme();
  other.set_version(2);
  read = reader.Read(other, {"b"});
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_FALSE(read->reports[0].cached_card.has_value());
}

TEST_F(ScoreCacheTest, ComparisonRowsAreCachedPerVersionWithATtl) {
  ComparisonRowCache rows(pool_.get(), absl::Hours(1));
  jixiao::v1::CachedComparisonRow entry;
  entry.mutable_row()->set_report_id("a");
  entry.mutable_row()->set_total(88.5);
  *entry.mutable_report() = Card("a", 2, 88.5).report();
  entry.set_computed_at_unix_ms(1700000000000);
  const ScoreCardAddress a2{Scheme(), "a", 2};
  ASSERT_TRUE(rows.PutMany({a2}, {entry}).ok());

  ASSERT_OK_AND_ASSIGN(std::vector<std::optional<jixiao::v1::CachedComparisonRow>> got,
                       rows.GetMany({a2, ScoreCardAddress{Scheme(), "a", 1}}));
  ASSERT_TRUE(got[0].has_value());
  EXPECT_EQ(got[0]->row().total(), 88.5);
  EXPECT_EQ(got[0]->computed_at_unix_ms(), 1700000000000);
  EXPECT_FALSE(got[1].has_value());
  ASSERT_OK_AND_ASSIGN(redis::RedisReply ttl,
                       pool_->Command({"PTTL", ComparisonRowKey(Scheme(), "a", 2)}));
  EXPECT_GT(ttl.integer(), 0);
  EXPECT_LE(ttl.integer(), 3600 * 1000);

  EXPECT_EQ(rows.PutMany({ScoreCardAddress{Scheme(), "a", 0}}, {entry}).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(rows.PutMany({a2, a2}, {entry}).code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(ScoreCacheTest, CohortRowsReadMembersVersionsAndRowsInOneScript) {
  CohortRowsReader reader(pool_.get());
  ASSERT_OK_AND_ASSIGN(
      CohortRows not_ready,
      reader.Read(Scheme(), kYear, jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION, "all"));
  EXPECT_FALSE(not_ready.catalog_ready);

  Publish({Entry("b", 1), Entry("a", 2)});
  ASSERT_TRUE(catalog_->MarkReady().ok());
  ComparisonRowCache rows(pool_.get(), absl::Hours(1));
  jixiao::v1::CachedComparisonRow row_of_a;
  row_of_a.mutable_row()->set_report_id("a");
  row_of_a.mutable_row()->set_total(91);
  // A row of a's older version must not answer.
  ASSERT_TRUE(rows.PutMany({ScoreCardAddress{Scheme(), "a", 2}, ScoreCardAddress{Scheme(), "b", 7}},
                           {row_of_a, row_of_a})
                  .ok());

  ASSERT_OK_AND_ASSIGN(
      CohortRows read,
      reader.Read(Scheme(), kYear, jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION, "all"));
  ASSERT_TRUE(read.catalog_ready);
  ASSERT_EQ(read.members.size(), 2u);
  EXPECT_EQ(read.members[0].report_id, "a");
  EXPECT_EQ(read.members[0].version, 2);
  ASSERT_TRUE(read.members[0].row.has_value());
  EXPECT_EQ(read.members[0].row->row().total(), 91);
  EXPECT_FALSE(read.members[0].department.has_value());
  EXPECT_EQ(read.members[1].report_id, "b");
  EXPECT_EQ(read.members[1].version, 1);
  EXPECT_FALSE(read.members[1].row.has_value());
  ASSERT_TRUE(read.members[1].department.has_value());
  EXPECT_EQ(read.members[1].department->code(), "b");

  ASSERT_OK_AND_ASSIGN(
      CohortRows other_cohort,
      reader.Read(Scheme(), kYear, jixiao::v1::REPORT_KIND_DEPARTMENT_SELF_EVALUATION,
                  "sector:health"));
  EXPECT_THAT(other_cohort.members, IsEmpty());
}

TEST_F(ScoreCacheTest, ReportRowsReadOnlyTheReportsTheCatalogKnows) {
  CohortRowsReader reader(pool_.get());
  Publish({Entry("a", 2), Entry("b", 1)});
  ASSERT_TRUE(catalog_->MarkReady().ok());
  const std::string ids[] = {"b", "nobody", "a"};
  ASSERT_OK_AND_ASSIGN(CohortRows read, reader.ReadReports(Scheme(), ids));
  ASSERT_TRUE(read.catalog_ready);
  ASSERT_EQ(read.members.size(), 2u);
  EXPECT_EQ(read.members[0].report_id, "a");
  EXPECT_EQ(read.members[0].version, 2);
  EXPECT_EQ(read.members[1].report_id, "b");
  ASSERT_TRUE(read.members[1].department.has_value());
}

TEST_F(ScoreCacheTest, RankingWindowIsWhatTheCommandsWouldAnswer) {
  RankingWindowReader reader(pool_.get());
  Publish(
      {Entry("a", 1), Entry("b", 1), Entry("c", 1), Entry("d", 1), Entry("e", 1), Entry("f", 1)});
  for (const auto& [id, total] : std::vector<std::pair<std::string, double>>{
           {"a", 95}, {"b", 85}, {"c", 85}, {"d", 80}, {"e", 80}}) {
    ASSERT_TRUE(Rank(Card(id, 1, total)));
  }
  // f is not scored yet: the window says the ranking does not cover the cohort.
  ASSERT_OK_AND_ASSIGN(RankingWindow partial, reader.Read(Scope(), 3, "b", 1));
  EXPECT_FALSE(partial.coverage.complete());
  EXPECT_THAT(partial.top, IsEmpty());
  ASSERT_TRUE(catalog_->MarkReady().ok());
  ASSERT_TRUE(Rank(Card("f", 1, 10, /*complete=*/false)));

  ASSERT_OK_AND_ASSIGN(RankingWindow window, reader.Read(Scope(), 3, "b", 1));
  ASSERT_TRUE(window.coverage.complete());
  EXPECT_EQ(window.coverage.ranked, 5);
  EXPECT_EQ(window.coverage.unranked, 1);
  EXPECT_THAT(Ids(window.top), ElementsAre("a", "c", "b"));
  EXPECT_THAT(Ranks(window.top), ElementsAre(1, 2, 2));
  EXPECT_THAT(Ids(window.around), ElementsAre("c", "b", "e"));
  EXPECT_THAT(Ranks(window.around), ElementsAre(2, 2, 4));
  std::vector<std::string> listed;
  for (const ListedReport& report : window.listed) {
    listed.push_back(report.report_id);
    EXPECT_EQ(report.version, 1);
    ASSERT_TRUE(report.department.has_value());
    EXPECT_EQ(report.department->code(), report.report_id);
  }
  EXPECT_THAT(listed, ElementsAre("a", "b", "c", "e"));

  ASSERT_OK_AND_ASSIGN(RankingWindow not_ranked, reader.Read(Scope(), 0, "f", 2));
  EXPECT_THAT(not_ranked.top, IsEmpty());
  EXPECT_THAT(not_ranked.around, IsEmpty());
}

// Random totals drawn from few values (so ties are everywhere), ranked in
// Redis and read through the window script, against ranks computed here
// independently: 1 + the number of strictly greater totals.
TEST_F(ScoreCacheTest, RankingWindowMatchesAnIndependentRankingOfATiedCohort) {
  std::mt19937 random(20261123);
  std::uniform_int_distribution<int> tenths(850, 870);
  std::vector<std::pair<std::string, double>> totals;
  std::vector<CatalogEntry> entries;
  for (int i = 0; i < 2000; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "r%04d", i);
    totals.emplace_back(id, tenths(random) / 10.0);
    entries.push_back(Entry(id, 1));
  }
  Publish(entries);
  ASSERT_TRUE(catalog_->MarkReady().ok());
  for (const auto& [id, total] : totals) ASSERT_TRUE(Rank(Card(id, 1, total)));

  std::vector<std::pair<std::string, double>> expected = totals;
  std::sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first > b.first;
  });
  auto rank_of = [&](double total) {
    return 1 + std::count_if(totals.begin(), totals.end(),
                             [total](const auto& other) { return other.second > total; });
  };

  RankingWindowReader reader(pool_.get());
  for (const int position : {0, 1, 17, 999, 1500, 1999}) {
    const std::string& me = expected[position].first;
    ASSERT_OK_AND_ASSIGN(RankingWindow window, reader.Read(Scope(), 50, me, 5));
    ASSERT_EQ(window.top.size(), 50u);
    for (size_t i = 0; i < window.top.size(); ++i) {
      EXPECT_EQ(window.top[i].report_id, expected[i].first);
      EXPECT_EQ(window.top[i].rank, rank_of(expected[i].second));
    }
    const size_t first = static_cast<size_t>(std::max(position - 5, 0));
    const size_t last = std::min<size_t>(position + 5, expected.size() - 1);
    ASSERT_EQ(window.around.size(), last - first + 1) << me;
    for (size_t i = 0; i < window.around.size(); ++i) {
      EXPECT_EQ(window.around[i].report_id, expected[first + i].first);
      EXPECT_EQ(window.around[i].rank, rank_of(expected[first + i].second));
      EXPECT_DOUBLE_EQ(window.around[i].total, expected[first + i].second);
    }
  }
}

TEST_F(ScoreCacheTest, ScriptsSurviveARedisRestart) {
  Publish({Entry("a", 1)});
  ASSERT_TRUE(server().Restart().ok());
  // The restarted server has forgotten the script (and the data): it is loaded again.
  absl::Status published = absl::UnknownError("not tried");
  for (int attempt = 0; attempt < 50 && !published.ok(); ++attempt) {
    published = catalog_->Publish({Entry("a", 1)});
    if (!published.ok()) {
      // The pool's first command after the restart fails on the dead connection;
      // later ones reconnect once its short backoff allows.
      absl::SleepFor(absl::Milliseconds(20));
    }
  }
  ASSERT_TRUE(published.ok()) << published;
  ASSERT_OK_AND_ASSIGN(std::vector<int64_t> versions, catalog_->LatestVersions({"a"}));
  EXPECT_THAT(versions, ElementsAre(1));
}

}  // namespace
}  // namespace jixiao::score_cache
