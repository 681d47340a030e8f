// jixiao: the command-line tool of the jixiao suite.

#include <iostream>
#include <string>
#include <vector>

#include "tools/jixiao/offline_commands.h"
#include "tools/jixiao/score_command.h"

namespace {

constexpr char kUsage[] =
    "usage: jixiao <command> [options] [arguments]\n"
    "\n"
    "commands:\n"
    "  validate FILE|DIR…     check reports and target tables (proto3 JSON)\n"
    "  import-targets FILE    import a 项目支出绩效目标表 text as JSON\n"
    "  score FILE|DIR…        score reports under a scheme (--scheme, --explain, --json)\n"
    "  schemes                list the scoring schemes (--schemes DIR)\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << kUsage;
    return 2;
  }
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "validate") return jixiao::cli::RunValidate(args);
  if (command == "import-targets") return jixiao::cli::RunImportTargets(args);
  if (command == "score") return jixiao::cli::RunScore(args);
  if (command == "schemes") return jixiao::cli::RunSchemes(args);
  if (command == "help" || command == "--help" || command == "-h") {
    std::cout << kUsage;
    return 0;
  }
  std::cerr << "jixiao: unknown command \"" << command << "\"\n" << kUsage;
  return 2;
}
