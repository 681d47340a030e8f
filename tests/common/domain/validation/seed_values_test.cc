// Every target and actual printed in the seeds is read by the parser as a typed
// value, an explicit qualitative text, or an explicit absence; never left
// unparsed. The table printed here is the parser's reading of the seeds.

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "common/domain/normalization/report_normalizer.h"
#include "common/domain/report_json/json_codec.h"
#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/target_table.pb.h"
#include "tests/support/source_dir.h"

namespace jixiao::validation {
namespace {

struct SeenValue {
  std::string where;
  const jixiao::v1::MeasuredValue* value;
};

template <typename Indicators>
void Collect(const std::string& where, const Indicators& indicators, std::vector<SeenValue>* out) {
  for (const auto& i : indicators) {
    if (i.has_target()) out->push_back({where + " target", &i.target()});
    if (i.has_actual()) out->push_back({where + " actual", &i.actual()});
    if (i.has_period_target()) out->push_back({where + " period", &i.period_target()});
  }
}

// The first `n` code points of UTF-8 text (printf's precision counts bytes).
std::string Prefix(const std::string& text, size_t n) {
  size_t end = 0;
  for (size_t seen = 0; end < text.size(); ++end) {
    if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80 && seen++ == n) break;
  }
  return text.substr(0, end);
}

std::string Kind(const jixiao::v1::ParsedValue& p) {
  std::string kind = jixiao::v1::ValueKind_Name(p.kind()).substr(sizeof("VALUE_KIND_") - 1);
  if (!p.reason().empty()) kind += " (" + p.reason() + ")";
  if (p.growth()) kind += " growth";
  if (!p.deadline().empty()) kind += " " + p.deadline();
  return kind;
}

TEST(SeedValues, EveryTargetAndActualIsRead) {
  std::vector<jixiao::v1::EvaluationReport> reports;
  for (const char* name :
       {"guangzhou-commerce-bureau-2023", "liwan-commerce-investment-bureau-2022",
        "tianhe-ccpit-2023", "tianhe-commerce-finance-bureau-2023"}) {
    jixiao::v1::EvaluationReport report;
    ASSERT_TRUE(report_json::ParseJson(
                    testing::ReadSourceFile(std::string("data/seeds/") + name + ".json"), &report)
                    .ok());
    reports.push_back(normalization::NormalizeReport(report));
  }
  jixiao::v1::ProjectTargetTable table;
  ASSERT_TRUE(report_json::ParseJson(
                  testing::ReadSourceFile(
                      "data/seeds/tianhe-commerce-finance-bureau-2024-project-targets.json"),
                  &table)
                  .ok());
  table = normalization::NormalizeTargetTable(table);

  std::vector<SeenValue> seen;
  for (const auto& r : reports) {
    Collect(r.report_id(), r.indicators(), &seen);
    for (const auto& t : r.key_tasks()) Collect(r.report_id(), t.indicators(), &seen);
    for (const auto& p : r.projects()) Collect(r.report_id(), p.indicators(), &seen);
  }
  for (const auto& p : table.projects()) Collect(table.table_id(), p.indicators(), &seen);
  ASSERT_GT(seen.size(), 150u);

  std::printf("%s | %-10s | %14s | %-6s | %s\n", "input (first 24 characters)", "comparator",
              "value", "unit", "kind");
  int quantities = 0;
  for (const auto& s : seen) {
    const auto& p = s.value->parsed();
    EXPECT_NE(p.kind(), jixiao::v1::VALUE_KIND_UNSPECIFIED) << s.where << ": " << s.value->text();
    if (p.kind() == jixiao::v1::VALUE_KIND_QUANTITY) {
      ++quantities;
      EXPECT_NE(p.comparator(), jixiao::v1::COMPARATOR_UNSPECIFIED) << s.value->text();
    }
    const std::string comparator =
        p.comparator() == jixiao::v1::COMPARATOR_UNSPECIFIED
            ? "-"
            : jixiao::v1::Comparator_Name(p.comparator()).substr(sizeof("COMPARATOR_") - 1);
    std::printf("%s | %-10s | %14.6g | %-6s | %s\n", Prefix(s.value->text(), 24).c_str(),
                comparator.c_str(), p.number(), p.unit().c_str(), Kind(p).c_str());
  }
  // Most seed values are numbers: a parser regression that loses them shows here.
  EXPECT_GT(quantities, static_cast<int>(seen.size()) / 3);
}

}  // namespace
}  // namespace jixiao::validation
