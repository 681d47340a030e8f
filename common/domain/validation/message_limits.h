#pragma once

// Bounds on what one submitted message may hold, whatever its type: a report, a target
// table, a request. A real 自评报告 has tens of indicators and names of tens of characters;
// the bounds leave room for the largest real documents many times over, and keep every
// later pass over the message (validation, normalization, scoring, the cache) small and
// linear. Checked first, by reflection over every field set, so that no field added to the
// contracts later escapes them.

#include <cstddef>
#include <cstdint>

#include "common/domain/validation/field_violation.h"
#include "google/protobuf/message.h"

namespace jixiao::validation {

// Any one string field, in bytes (a 3 MB department name is refused).
inline constexpr size_t kMaxStringBytes = 16 * 1024;
// Any one repeated field: indicators, projects, breakdown lines, sub-items, tags.
inline constexpr int kMaxListLength = 2000;
// Messages within messages: the report, a project, an indicator, its value is 4; assessed
// items nest their sub-items (一级, 二级, 三级, 要点) below that.
inline constexpr int kMaxNestingDepth = 12;
// Money in 分: 10^16 分 is 100 trillion yuan, above the whole country's yearly spending.
inline constexpr int64_t kMaxMoneyFen = 10'000'000'000'000'000;
// Points: a weight, a score, a maximum. Schemes share out 100 points, some forms 1,000.
inline constexpr double kMaxPoints = 10'000;

// Violations of the bounds above but kMaxPoints (which fields are points is the
// validator's knowledge), at field paths such as "projects[3].indicators[0].name". Every
// floating-point field must also be finite, and within ±10^15. Linear in the message's size.
FieldViolations CheckMessageLimits(const google::protobuf::Message& message);

}  // namespace jixiao::validation
