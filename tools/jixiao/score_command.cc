#include "tools/jixiao/score_command.h"

#include <iostream>
#include <optional>
#include <utility>

#include "absl/strings/str_format.h"
#include "common/domain/normalization/report_normalizer.h"
#include "common/domain/report_json/json_codec.h"
#include "common/domain/scheme_resolution/default_scheme.h"
#include "common/domain/validation/report_validator.h"
#include "services/scoring/engine/explanation/scorecard_text.h"
#include "services/scoring/engine/score_engine.h"
#include "services/scoring/scheme/scheme_loader.h"
#include "tools/jixiao/command_options.h"
#include "tools/jixiao/input_files.h"
#include "tools/jixiao/text_table.h"

namespace jixiao::cli {
namespace {

absl::StatusOr<scoring::SchemeDirectory> LoadSchemes(const std::string& directory,
                                                     std::ostream& err) {
  auto dir = scoring::LoadSchemeDirectory(directory);
  if (dir.ok()) {
    for (const auto& refused : dir->refused) err << "refused: " << refused.message() << "\n";
  }
  return dir;
}

std::string Points(double value) { return absl::StrFormat("%.2f", value); }

// A project's report names the project: "展会补贴 (fair)", or its code alone
// when the report gives no project name.
std::string ProjectCell(const jixiao::v1::EvaluationReport& report) {
  if (report.project_code().empty()) return "-";
  const std::string name = report.projects_size() > 0 ? report.projects(0).name() : "";
  return name.empty() ? report.project_code()
                      : absl::StrCat(name, " (", report.project_code(), ")");
}

std::vector<std::string> ComparisonRow(const jixiao::v1::ScoreCard& card,
                                       const jixiao::v1::EvaluationReport& report,
                                       bool with_project) {
  const auto& d = card.department();
  const auto& s = card.signals();
  std::vector<std::string> cells = {d.district().name(), d.name()};
  if (with_project) cells.push_back(ProjectCell(report));
  std::vector<std::string> rest = {
      absl::StrCat(card.fiscal_year()),
      card.complete() ? Points(card.total()) : Points(card.total()) + " (不完整)",
      card.grade().empty() ? "-" : card.grade(),
      card.has_declared_total() ? Points(card.declared_total()) : "-",
      card.declared_grade().empty() ? "-" : card.declared_grade(),
      s.has_declared_minus_recomputed() ? absl::StrFormat("%+.2f", s.declared_minus_recomputed())
                                        : "-",
      absl::StrFormat("%.0f%%", 100 * card.recomputed_share()),
      s.has_budget_execution_rate() ? absl::StrFormat("%.2f%%", 100 * s.budget_execution_rate())
                                    : "-",
      s.outruns_spending() ? "是" : ""};
  cells.insert(cells.end(), rest.begin(), rest.end());
  return cells;
}

// The report of a file, or why the file has none. A target table's JSON is
// not a report either, but lives beside reports in a year's folder: nullopt.
absl::StatusOr<std::optional<jixiao::v1::EvaluationReport>> ReadReport(const std::string& path) {
  auto text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  jixiao::v1::EvaluationReport report;
  const absl::Status parsed = report_json::ParseJson(*text, &report);
  if (parsed.ok()) return std::optional<jixiao::v1::EvaluationReport>(std::move(report));
  jixiao::v1::ProjectTargetTable table;
  if (report_json::ParseJson(*text, &table).ok()) {
    return std::optional<jixiao::v1::EvaluationReport>();
  }
  return parsed;
}

}  // namespace

int RunScore(const std::vector<std::string>& args) { return RunScore(args, std::cout, std::cerr); }

int RunScore(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  OptionSet options("jixiao score",
                    "Scores reports offline under a scheme read from the schemes folder, and "
                    "prints them as\none table beside their declared scores.");
  std::vector<std::string> paths;
  options.AddArguments("FILE|DIR", paths, "reports, and folders walked for *.json")->required();
  std::optional<jixiao::v1::SchemeRef> scheme;
  AddScheme(options, scheme, scheme_resolution::kDefaultSchemeId);
  std::string schemes_directory;
  AddSchemesDirectory(options, schemes_directory);
  bool explain = false;
  options.AddFlag("--explain", explain, "print every scorecard in full");
  bool json = false;
  options.AddFlag("--json", json, "print every scorecard as one line of JSON");
  if (auto exit = ParseCommand(options, args, out, err)) return *exit;
  auto schemes = LoadSchemes(schemes_directory, err);
  if (!schemes.ok()) {
    err << "jixiao score: " << schemes.status().message() << "\n";
    return kExitUsage;
  }
  jixiao::v1::SchemeRef ref;
  ref.set_id(scheme_resolution::kDefaultSchemeId);
  if (scheme) ref = *scheme;
  const scoring::PreparedScheme* prepared = schemes->schemes.FindPrepared(ref.id(), ref.version());
  if (prepared == nullptr) {
    err << "jixiao score: no scheme " << ref.id()
        << (ref.version() > 0 ? absl::StrCat("@", ref.version()) : "") << " in "
        << schemes_directory << "\n";
    return kExitUsage;
  }
  auto files = ExpandInputPaths(paths, {".json"});
  if (!files.ok()) {
    err << "jixiao score: " << files.status().message() << "\n";
    return 2;
  }

  // The rows are printed once all are scored: a project column only when a
  // report of a project is among them.
  std::vector<std::pair<jixiao::v1::ScoreCard, jixiao::v1::EvaluationReport>> scored;
  int failed = 0;
  for (const auto& file : *files) {
    auto read = ReadReport(file);
    if (!read.ok()) {
      // A file that was meant to be scored and was not must not pass for an
      // empty result: name it, and fail the run.
      err << file << ": not scored: " << read.status().message() << "\n";
      ++failed;
      continue;
    }
    if (!read->has_value()) {
      err << file << ": a target table, not a report: skipped\n";
      continue;
    }
    const jixiao::v1::EvaluationReport& report = **read;
    if (!validation::ValidateReport(report).empty()) {
      err << file << ": refused by validation (run jixiao validate)\n";
      ++failed;
      continue;
    }
    auto card = scoring::ScoreReport(normalization::NormalizeReport(report), *prepared);
    if (!card.ok()) {
      err << file << ": " << card.status().message() << "\n";
      ++failed;
      continue;
    }
    if (json) {
      out << report_json::ToJson(*card) << "\n";
    } else if (explain) {
      scoring::PrintScoreCard(*card, out);
      out << "\n";
    } else {
      scored.emplace_back(*std::move(card), report);
    }
  }
  if (!json && !explain) {
    bool with_project = false;
    for (const auto& [card, report] : scored) with_project |= !report.project_code().empty();
    std::vector<std::string> header = {"区", "部门"};
    if (with_project) header.push_back("项目");
    for (const char* name : {"年度", "重算得分", "等级", "自评得分", "自评等级", "自评−重算",
                             "重算占比", "预算执行率", "得分超支出"}) {
      header.push_back(name);
    }
    TextTable table(std::move(header));
    for (const auto& [card, report] : scored) {
      table.AddRow(ComparisonRow(card, report, with_project));
    }
    const jixiao::v1::Scheme& scored_under = prepared->scheme();
    out << "scheme " << scored_under.id() << " v" << scored_under.version() << ": "
        << scored_under.title() << "\n";
    table.Print(out);
  }
  return failed == 0 ? 0 : 1;
}

int RunSchemes(const std::vector<std::string>& args) {
  OptionSet options("jixiao schemes", "Lists the scoring schemes of the schemes folder.");
  std::string schemes_directory;
  AddSchemesDirectory(options, schemes_directory);
  if (auto exit = ParseCommand(options, args)) return *exit;
  auto schemes = LoadSchemes(schemes_directory, std::cerr);
  if (!schemes.ok()) {
    std::cerr << "jixiao schemes: " << schemes.status().message() << "\n";
    return kExitUsage;
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
