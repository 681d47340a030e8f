// jixiao: the command-line tool of the jixiao suite.

#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "tools/jixiao/compare_command.h"
#include "tools/jixiao/corpus_command.h"
#include "tools/jixiao/credibility_command.h"
#include "tools/jixiao/explain_command.h"
#include "tools/jixiao/gen_command.h"
#include "tools/jixiao/history_command.h"
#include "tools/jixiao/import_evaluation_command.h"
#include "tools/jixiao/ingest_command.h"
#include "tools/jixiao/offline_commands.h"
#include "tools/jixiao/parse_command.h"
#include "tools/jixiao/ranking_command.h"
#include "tools/jixiao/score_command.h"
#include "tools/jixiao/score_year_command.h"
#include "tools/jixiao/statistics_command.h"
#include "tools/jixiao/trend_command.h"

namespace {

constexpr char kUsage[] =
    "usage: jixiao <command> [options] [arguments]\n"
    "\n"
    "offline commands (files only):\n"
    "  validate FILE|DIR…     check reports and target tables (proto3 JSON)\n"
    "  import-targets FILE    import a 项目支出绩效目标表 text as JSON\n"
    "  import-evaluation FILE import a published 项目支出绩效自评表 text as a report\n"
    "  parse TARGET [ACTUAL]  how a target (and an actual) are read, and the completion\n"
    "  corpus DIR             import and score every table of a corpus, write its summary\n"
    "  score FILE|DIR…        score reports under a scheme (--scheme, --explain, --json)\n"
    "  schemes                list the scoring schemes (--schemes DIR)\n"
    "  gen                    write a synthetic dataset as JSON Lines (--help for options)\n"
    "\n"
    "network commands (--json prints the response as JSON; --timeout SECONDS, default 30):\n"
    "  ingest FILE|DIR…       store reports and target tables through the ingest service\n"
    "                         (.json or .jsonl; --bulk sends reports on SubmitReports streams)\n"
    "                         (--ingest HOST:PORT, $JIXIAO_INGEST_ADDRESS, localhost:50051)\n"
    "  history REPORT_ID      every stored version of a report: who submitted it, from\n"
    "                         where, when, its content hash (--ingest as above)\n"
    "  compare --year Y       departments across districts re-scored under one scheme\n"
    "  ranking --year Y       the top of a cohort, or the neighbours of a department\n"
    "  statistics --year Y    a cohort's score distribution and each department's standing\n"
    "  credibility --year Y   budget credibility: execution, adjustment, PI-1 outturn, claims\n"
    "  explain DEPT_CODE YEAR every point of a department's scorecard and why\n"
    "  trend DEPT_CODE        a department's scores year by year\n"
    "                         (these six: --query HOST:PORT, $JIXIAO_QUERY_ADDRESS,\n"
    "                          localhost:50053)\n"
    "  score-year --year Y    score every stored report of a year into the cache and rankings\n"
    "                         (--scoring HOST:PORT, $JIXIAO_SCORING_ADDRESS, localhost:50052)\n"
    "\n"
    "jixiao <command> --help describes its options.\n"
    "exit codes: 0 done, 1 failed (a file refused, a call failed), 2 bad command line\n";

}  // namespace

int main(int argc, char** argv) {
  using Command = int (*)(const std::vector<std::string>&);
  static const std::map<std::string, Command> kCommands = {
      {"validate", &jixiao::cli::RunValidate},
      {"import-targets", &jixiao::cli::RunImportTargets},
      {"import-evaluation", &jixiao::cli::RunImportEvaluation},
      {"parse", [](const std::vector<std::string>& args) { return jixiao::cli::RunParse(args); }},
      {"corpus", &jixiao::cli::RunCorpus},
      {"score", [](const std::vector<std::string>& args) { return jixiao::cli::RunScore(args); }},
      {"schemes", &jixiao::cli::RunSchemes},
      {"gen", &jixiao::cli::RunGen},
      {"ingest", [](const std::vector<std::string>& args) { return jixiao::cli::RunIngest(args); }},
      {"history", &jixiao::cli::RunHistory},
      {"compare", &jixiao::cli::RunCompare},
      {"ranking", &jixiao::cli::RunRanking},
      {"statistics", &jixiao::cli::RunStatistics},
      {"credibility", &jixiao::cli::RunCredibility},
      {"explain", &jixiao::cli::RunExplain},
      {"trend", &jixiao::cli::RunTrend},
      {"score-year",
       [](const std::vector<std::string>& args) { return jixiao::cli::RunScoreYear(args); }},
  };
  if (argc < 2) {
    std::cerr << kUsage;
    return 2;
  }
  const std::string command = argv[1];
  if (const auto found = kCommands.find(command); found != kCommands.end()) {
    return found->second(std::vector<std::string>(argv + 2, argv + argc));
  }
  if (command == "help" || command == "--help" || command == "-h") {
    std::cout << kUsage;
    return 0;
  }
  std::cerr << "jixiao: unknown command \"" << command << "\"\n" << kUsage;
  return 2;
}
