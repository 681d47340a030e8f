#include "tools/jixiao/score_command.h"

#include <cstdlib>
#include <iostream>

#include "absl/strings/str_format.h"
#include "common/report_io/json_codec.h"
#include "services/ingest/normalization/report_normalizer.h"
#include "services/ingest/validation/report_validator.h"
#include "services/scoring/engine/score_engine.h"
#include "services/scoring/engine/scorecard_text.h"
#include "services/scoring/scheme/scheme_loader.h"
#include "tools/jixiao/command_line.h"
#include "tools/jixiao/input_files.h"
#include "tools/jixiao/text_table.h"
#include "tools/jixiao/typed_options.h"

namespace jixiao::cli {
namespace {

constexpr char kDefaultSchemesDir[] = "services/scoring/schemes";

// --schemes, else $JIXIAO_SCHEMES_DIR, else the folder shipped in the source tree.
std::string SchemesDir(const ParsedCommandLine& cl) {
  if (!cl.Option("schemes").empty()) return cl.Option("schemes");
  const char* env = std::getenv("JIXIAO_SCHEMES_DIR");
  return env != nullptr && *env != '\0' ? env : kDefaultSchemesDir;
}

absl::StatusOr<scoring::SchemeDirectory> LoadSchemes(const ParsedCommandLine& cl) {
  auto dir = scoring::LoadSchemeDirectory(SchemesDir(cl));
  if (dir.ok()) {
    for (const auto& refused : dir->refused) std::cerr << "refused: " << refused.message() << "\n";
  }
  return dir;
}

std::string Points(double value) { return absl::StrFormat("%.2f", value); }

std::vector<std::string> ComparisonRow(const jixiao::v1::ScoreCard& card) {
  const auto& d = card.department();
  const auto& s = card.signals();
  return {d.district().name(),
          d.name(),
          absl::StrCat(card.fiscal_year()),
          card.complete() ? Points(card.total()) : Points(card.total()) + " (不完整)",
          card.grade().empty() ? "-" : card.grade(),
          card.has_declared_total() ? Points(card.declared_total()) : "-",
          card.declared_grade().empty() ? "-" : card.declared_grade(),
          s.has_declared_minus_recomputed()
              ? absl::StrFormat("%+.2f", s.declared_minus_recomputed())
              : "-",
          absl::StrFormat("%.0f%%", 100 * card.recomputed_share()),
          s.has_budget_execution_rate() ? absl::StrFormat("%.2f%%", 100 * s.budget_execution_rate())
                                        : "-",
          s.outruns_spending() ? "是" : ""};
}

}  // namespace

int RunScore(const std::vector<std::string>& args) {
  auto command_line = ParseCommandLine(args, {"scheme", "schemes"}, {"explain", "json"});
  if (!command_line.ok() || command_line->arguments.empty()) {
    std::cerr << (command_line.ok() ? "" : std::string(command_line.status().message()) + "\n")
              << "usage: jixiao score FILE|DIR… [--scheme ID[@VERSION]] [--schemes DIR]"
                 " [--explain] [--json]\n";
    return 2;
  }
  const auto& cl = *command_line;
  auto schemes = LoadSchemes(cl);
  if (!schemes.ok()) {
    std::cerr << "jixiao score: " << schemes.status().message() << "\n";
    return 2;
  }
  const std::string wanted = cl.Option("scheme", kDefaultSchemeId);
  auto ref = ParseSchemeRef(wanted);
  if (!ref.ok()) {
    std::cerr << "jixiao score: " << ref.status().message() << "\n";
    return 2;
  }
  const scoring::PreparedScheme* prepared =
      schemes->schemes.FindPrepared(ref->id(), ref->version());
  if (prepared == nullptr) {
    std::cerr << "jixiao score: no scheme " << wanted << " in " << SchemesDir(cl) << "\n";
    return 2;
  }
  auto files = ExpandInputPaths(cl.arguments, {".json"});
  if (!files.ok()) {
    std::cerr << "jixiao score: " << files.status().message() << "\n";
    return 2;
  }

  TextTable table({"区", "部门", "年度", "重算得分", "等级", "自评得分", "自评等级", "自评−重算",
                   "重算占比", "预算执行率", "得分超支出"});
  int failed = 0;
  for (const auto& file : *files) {
    auto text = ReadWholeFile(file);
    jixiao::v1::EvaluationReport report;
    if (!text.ok() || !report_io::ParseJson(*text, &report).ok()) continue;  // not a report
    if (!ingest::ValidateReport(report).empty()) {
      std::cerr << file << ": refused by validation (run jixiao validate)\n";
      ++failed;
      continue;
    }
    auto card = scoring::ScoreReport(ingest::NormalizeReport(report), *prepared);
    if (!card.ok()) {
      std::cerr << file << ": " << card.status().message() << "\n";
      ++failed;
      continue;
    }
    if (cl.Flag("json")) {
      std::cout << report_io::ToJson(*card) << "\n";
    } else if (cl.Flag("explain")) {
      scoring::PrintScoreCard(*card, std::cout);
      std::cout << "\n";
    } else {
      table.AddRow(ComparisonRow(*card));
    }
  }
  if (!cl.Flag("json") && !cl.Flag("explain")) {
    const jixiao::v1::Scheme& scheme = prepared->scheme();
    std::cout << "scheme " << scheme.id() << " v" << scheme.version() << ": " << scheme.title()
              << "\n";
    table.Print(std::cout);
  }
  return failed == 0 ? 0 : 1;
}

int RunSchemes(const std::vector<std::string>& args) {
  auto command_line = ParseCommandLine(args, {"schemes"}, {});
  if (!command_line.ok() || !command_line->arguments.empty()) {
    std::cerr << "usage: jixiao schemes [--schemes DIR]\n";
    return 2;
  }
  auto schemes = LoadSchemes(*command_line);
  if (!schemes.ok()) {
    std::cerr << "jixiao schemes: " << schemes.status().message() << "\n";
    return 2;
  }
  TextTable table({"id", "version", "title", "sha256"});
  for (const auto* s : schemes->schemes.All()) {
    table.AddRow(
        {s->id(), absl::StrCat(s->version()), s->title(), s->content_hash().substr(0, 16)});
  }
  table.Print(std::cout);
  return schemes->refused.empty() ? 0 : 1;
}

}  // namespace jixiao::cli
