#include "services/scoring/engine/explanation/curve_text.h"

#include "services/scoring/engine/explanation/explanation_text.h"

namespace jixiao::scoring {

void AppendCurveReading(const v1::CurvePoint* from, const v1::CurvePoint* to, double share,
                        std::string& out) {
  if (from == nullptr) {
    out.append("低于曲线起点，不得分");
    return;
  }
  if (to == nullptr) {
    AppendText(out, "达到 ", Percent{from->percent()}, "，得分值的 ", Share{share});
    return;
  }
  AppendText(out, "在 ", Percent{from->percent()}, "（", Share{from->share()}, "）与 ",
             Percent{to->percent()}, "（", Share{to->share()}, "）之间按直线计，得分值的 ",
             Share{share});
}

}  // namespace jixiao::scoring
