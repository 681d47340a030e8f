#pragma once

// Normalization turns a valid submitted report into the form jixiao stores, hashes
// and scores: ids derived, every target and actual parsed from its text (a
// submitted `parsed` is ignored and recomputed, so stored values always agree
// with the parser of this version), sector tags sorted and unique.

#include "jixiao/v1/report.pb.h"
#include "jixiao/v1/target_table.pb.h"

namespace jixiao::normalization {

jixiao::v1::EvaluationReport NormalizeReport(jixiao::v1::EvaluationReport report);
jixiao::v1::ProjectTargetTable NormalizeTargetTable(jixiao::v1::ProjectTargetTable table);

}  // namespace jixiao::normalization
