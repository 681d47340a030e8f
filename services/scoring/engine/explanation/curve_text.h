#pragma once

// Where a rate fell on a curve of points, in Chinese, for explanations.

#include <string>

#include "jixiao/v1/scheme.pb.h"

namespace jixiao::scoring {

// "在 80%（0%）与 100%（100%）之间按直线计，得分值的 95%"; `from`/`to` as in
// CurveReading (scheme/curves.h).
void AppendCurveReading(const v1::CurvePoint* from, const v1::CurvePoint* to, double share,
                        std::string& out);

}  // namespace jixiao::scoring
