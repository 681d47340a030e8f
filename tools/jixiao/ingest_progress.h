#pragma once

// The progress of a bulk `jixiao ingest` on stderr. On a terminal one line is
// rewritten in place (\r) for every file; anywhere else (a log, CI) a line is
// written every kLogEvery files and for the last, so that a run of thousands of
// files neither floods the log nor stays silent.

#include <cstddef>
#include <ostream>
#include <string>

#include "tools/jixiao/ingest_outcome.h"

namespace jixiao::cli {

// "ok 440106:ccpit/2023/department v2 (new)", "ok 440106:x/2024/targets (12 projects)",
// "FAILED data/a.json: INVALID_ARGUMENT", "FAILED data/b.json: not sent",
// "FAILED data/all.jsonl:7: INVALID_ARGUMENT".
std::string DescribeOutcome(const IngestOutcome& outcome);

// The first characters of `text` that fit in `columns` terminal columns,
// ending in "…" when cut.
std::string FitToColumns(const std::string& text, size_t columns);

class IngestProgress {
 public:
  static constexpr size_t kLogEvery = 100;
  // A rewritten line wider than the terminal would wrap, and \r would then
  // rewrite only its last row; 79 columns fit any terminal.
  static constexpr size_t kTerminalColumns = 79;

  IngestProgress(std::ostream& err, bool terminal, size_t total);

  // "[12/500] ok 440106:ccpit/2023/department v2 (new)", with ", N failed" in
  // the brackets once a file has failed. Calls must not overlap.
  void Update(size_t done, const IngestOutcome& outcome);

  // Ends the rewritten line on a terminal so that what follows starts clean.
  void Finish();

 private:
  std::ostream& err_;
  const bool terminal_;
  const size_t total_;
  size_t failed_ = 0;
  bool line_open_ = false;
};

}  // namespace jixiao::cli
