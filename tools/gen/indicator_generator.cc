#include "tools/gen/indicator_generator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace jixiao::gen {
namespace {

struct CountedThing {
  const char* name;
  const char* unit;
  int low;  // range of targets
  int high;
};

constexpr std::array<CountedThing, 10> kOutputCounts = {{
    {"服务企业数量", "家", 20, 800},
    {"开展专题活动场次", "场", 2, 40},
    {"现场检查次数", "次", 10, 200},
    {"发放政策宣传资料", "册", 200, 5000},
    {"组织培训人次", "人次", 100, 3000},
    {"报送线索数量", "条", 10, 120},
    {"完成项目验收数量", "个", 2, 30},
    {"新增服务站点", "个", 1, 12},
    {"走访调研企业", "家次", 50, 1000},
    {"受理办结事项", "件", 100, 8000},
}};

constexpr std::array<CountedThing, 6> kBenefitCounts = {{
    {"引进重点项目", "个", 2, 30},
    {"新增纳统企业数量", "家", 5, 60},
    {"受益群众人数", "人", 500, 50000},
    {"带动就业人数", "人", 50, 3000},
    {"推介会参会企业", "家", 20, 400},
    {"成果转化数量", "项", 1, 20},
}};

constexpr std::array<const char*, 6> kOutputRates = {
    "项目验收完成率", "资金拨付及时率", "线索办结率",
    "问题整改完成率", "信息公开及时率", "任务按期完成率",
};

constexpr std::array<const char*, 4> kGrowthThings = {
    "服务外包执行额增长率",
    "社会消费品零售总额增长率",
    "进出口总额增长率",
    "税收收入增长率",
};

constexpr std::array<const char*, 4> kQualitative = {
    "持续优化营商环境",
    "提升公共服务水平",
    "加强行业监管",
    "推进数字化转型",
};

constexpr std::array<const char*, 3> kSatisfaction = {
    "服务对象满意度",
    "企业满意度",
    "群众满意度",
};

template <typename T, size_t N>
const T& Pick(const std::array<T, N>& pool, SeededRandom& random) {
  return pool[static_cast<size_t>(random.Integer(0, N - 1))];
}

// Completion = actual / target. Most departments report 100–130%; a share far
// above (targets set low), some short, a few at zero (a project that did not run).
double DrawCompletion(const IndicatorTraits& traits, SeededRandom& random) {
  if (random.Chance(traits.over_completion_share)) return random.Uniform(1.55, 6.0);
  const double shortfall_chance = 0.04 + 0.2 * (1.0 - traits.delivery);
  if (random.Chance(0.01)) return 0.0;
  if (random.Chance(shortfall_chance)) return random.Uniform(0.5, 0.99);
  return random.Chance(0.5) ? 1.0 : random.Uniform(1.0, 1.3);
}

std::string Trimmed(double value, int decimals) {
  std::string text = absl::StrFormat("%.*f", decimals, value);
  if (text.find('.') == std::string::npos) return text;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

void SetCount(const CountedThing& thing, double completion, jixiao::v1::Indicator& indicator,
              SeededRandom& random) {
  const int64_t target = random.Integer(thing.low, thing.high);
  static constexpr std::array<const char*, 4> kComparators = {"", "≥", "不少于", "多于"};
  indicator.set_name(thing.name);
  indicator.mutable_target()->set_text(
      absl::StrCat(Pick(kComparators, random), target, thing.unit));
  const int64_t actual = std::llround(static_cast<double>(target) * completion);
  indicator.mutable_actual()->set_text(absl::StrCat(actual, thing.unit));
}

void SetRate(const char* name, double completion, jixiao::v1::Indicator& indicator,
             SeededRandom& random) {
  const bool full = random.Chance(0.6);
  const double target = full ? 100 : static_cast<double>(random.Integer(85, 98));
  indicator.set_name(name);
  indicator.mutable_target()->set_text(full ? "100%" : absl::StrCat("≥", target, "%"));
  // A rate cannot pass 100%: an over-completion shows as a met target.
  const double actual = std::min(100.0, target * std::min(completion, 1.0) +
                                            (completion > 1 ? random.Uniform(0, 100 - target) : 0));
  indicator.mutable_actual()->set_text(absl::StrCat(Trimmed(actual, 1), "%"));
}

void SetGrowth(const char* name, double completion, jixiao::v1::Indicator& indicator,
               SeededRandom& random) {
  const int64_t target = random.Integer(1, 12);
  indicator.set_name(name);
  indicator.mutable_target()->set_text(absl::StrCat("增长", target, "%"));
  indicator.mutable_actual()->set_text(
      absl::StrCat("增长 ", Trimmed(static_cast<double>(target) * completion, 2), "%"));
}

void SetQualitative(const char* name, double completion, jixiao::v1::Indicator& indicator) {
  indicator.set_name(name);
  indicator.mutable_target()->set_text("一是健全工作机制；二是按计划推进重点工作。");
  indicator.mutable_actual()->set_text(completion >= 1
                                           ? "一是工作机制已建立并运行；二是重点工作均按计划完成。"
                                           : "一是工作机制已建立；二是部分重点工作延至下年。");
  indicator.set_stated_completion_percent(completion >= 1 ? "100" : "80");
}

void SetSatisfaction(double completion, jixiao::v1::Indicator& indicator, SeededRandom& random) {
  const int64_t target = random.Integer(85, 95);
  indicator.set_name(Pick(kSatisfaction, random));
  indicator.mutable_target()->set_text(absl::StrCat("≥", target, "%"));
  const double actual =
      std::min(100.0, static_cast<double>(target) * std::min(completion, 1.0) +
                          (completion >= 1 ? random.Uniform(0, 100.0 - target) : 0));
  indicator.mutable_actual()->set_text(absl::StrCat(Trimmed(actual, 1), "%"));
}

}  // namespace

jixiao::v1::Indicator GenerateIndicator(int index, int count, const IndicatorTraits& traits,
                                        SeededRandom& random) {
  jixiao::v1::Indicator indicator;
  const double completion = DrawCompletion(traits, random);
  const bool satisfaction = index == count - 1;
  const bool output = !satisfaction && index < count * 55 / 100;
  if (satisfaction) {
    indicator.set_level1_code("3");
    indicator.set_level1_name("满意度指标");
    indicator.set_level2_code("31");
    indicator.set_level2_name("服务对象满意度指标");
    SetSatisfaction(completion, indicator, random);
  } else if (output) {
    indicator.set_level1_code("1");
    indicator.set_level1_name("产出指标");
    const double kind = random.Uniform();
    if (kind < 0.6) {
      indicator.set_level2_code("11");
      indicator.set_level2_name("数量指标");
      SetCount(Pick(kOutputCounts, random), completion, indicator, random);
    } else if (kind < 0.9) {
      indicator.set_level2_code("12");
      indicator.set_level2_name("质量指标");
      SetRate(Pick(kOutputRates, random), completion, indicator, random);
    } else {
      indicator.set_level2_code("12");
      indicator.set_level2_name("质量指标");
      SetQualitative(Pick(kQualitative, random), completion, indicator);
    }
  } else {
    indicator.set_level1_code("2");
    indicator.set_level1_name("效益指标");
    const double kind = random.Uniform();
    if (kind < 0.6) {
      indicator.set_level2_code("22");
      indicator.set_level2_name("社会效益指标");
      SetCount(Pick(kBenefitCounts, random), completion, indicator, random);
    } else {
      indicator.set_level2_code("21");
      indicator.set_level2_name("经济效益指标");
      SetGrowth(Pick(kGrowthThings, random), completion, indicator, random);
    }
  }
  if (random.Chance(traits.missing_actual_share)) indicator.clear_actual();
  return indicator;
}

}  // namespace jixiao::gen
