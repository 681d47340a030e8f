#include "common/domain/table_import/table_words.h"

#include <algorithm>
#include <iterator>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "common/domain/content_hash/sha256.h"

namespace jixiao::table_import {
namespace {

constexpr absl::string_view kIdeographicSpace = "\u3000";

// Longest names first where one contains another (服务对象满意度指标 holds 满意度指标).
constexpr LevelName kLevelNames[] = {
    {"服务对象满意度指标", "31", "3", "满意度指标", false},
    {"可持续影响指标", "24", "2", "效益指标", false},
    {"经济效益指标", "21", "2", "效益指标", false},
    {"社会效益指标", "22", "2", "效益指标", false},
    {"生态效益指标", "23", "2", "效益指标", false},
    {"可持续影响值", "24", "2", "效益指标", false},
    {"经济效益值", "21", "2", "效益指标", false},
    {"社会效益值", "22", "2", "效益指标", false},
    {"生态效益值", "23", "2", "效益指标", false},
    {"满意度指标", "3", "3", "满意度指标", true},
    {"数量指标", "11", "1", "产出指标", false},
    {"质量指标", "12", "1", "产出指标", false},
    {"时效指标", "13", "1", "产出指标", false},
    {"成本指标", "14", "1", "产出指标", false},
    {"产出指标", "1", "1", "产出指标", true},
    {"效益指标", "2", "2", "效益指标", true},
    {"满意度值", "3", "3", "满意度指标", true},
    {"经济效益", "21", "2", "效益指标", false},
    {"社会效益", "22", "2", "效益指标", false},
    {"生态效益", "23", "2", "效益指标", false},
    {"数量值", "11", "1", "产出指标", false},
    {"质量值", "12", "1", "产出指标", false},
    {"时效值", "13", "1", "产出指标", false},
    {"成本值", "14", "1", "产出指标", false},
    {"产出值", "1", "1", "产出指标", true},
    {"效益值", "2", "2", "效益指标", true},
};

constexpr absl::string_view kUnits[] = {
    "%",    "％",   "‰",  "件", "个", "人", "次",   "户", "家", "场", "项", "座",
    "台",   "套",   "辆", "吨", "亩", "所", "名",   "册", "份", "处", "条", "间",
    "栋",   "本",   "张", "部", "批", "期", "元",   "万", "亿", "公", "千", "米",
    "平方", "立方", "年", "月", "天", "日", "小时", "周", "倍", "/"};

// Words a 实际完成值 cell holds instead of a figure, and qualitative targets.
constexpr absl::string_view kStatusWords[] = {
    "部分完成", "基本完成", "已完成", "未完成", "不合格", "未达标", "完成", "合格", "达标",
    "达到",     "有效",     "及时",   "提高",   "良好",   "优秀",   "是",   "否"};

}  // namespace

std::string RemoveWhitespace(absl::string_view text) {
  std::string out = absl::StrReplaceAll(text, {{kIdeographicSpace, ""}});
  out.erase(
      std::remove_if(out.begin(), out.end(),
                     [](char c) { return absl::ascii_isspace(static_cast<unsigned char>(c)); }),
      out.end());
  return out;
}

std::string FiguresAfterLabel(absl::string_view compact, absl::string_view label,
                              bool thousands_commas) {
  const size_t at = compact.find(label);
  if (at == absl::string_view::npos) return "";
  absl::string_view rest = compact.substr(at + label.size());
  absl::ConsumePrefix(&rest, ":");
  absl::ConsumePrefix(&rest, "：");
  size_t end = 0;
  while (end < rest.size() && (absl::ascii_isdigit(rest[end]) || rest[end] == '.' ||
                               rest[end] == '%' || (thousands_commas && rest[end] == ','))) {
    ++end;
  }
  return std::string(rest.substr(0, end));
}

bool IsPlainNumber(absl::string_view text) {
  if (text.empty()) return false;
  const size_t dot = text.find('.');
  const absl::string_view whole = text.substr(0, dot);
  if (whole.empty() || !std::all_of(whole.begin(), whole.end(), IsAsciiDigit)) return false;
  if (whole.size() > 1 && whole[0] == '0') return false;
  if (dot == absl::string_view::npos) return true;
  const absl::string_view fraction = text.substr(dot + 1);
  return !fraction.empty() && std::all_of(fraction.begin(), fraction.end(), IsAsciiDigit);
}

std::optional<double> ParsePlainNumber(absl::string_view text) {
  double value = 0;
  if (!IsPlainNumber(text) || !absl::SimpleAtod(text, &value)) return std::nullopt;
  return value;
}

std::optional<LevelName> LevelNameAt(absl::string_view text, size_t pos) {
  const absl::string_view rest = text.substr(pos);
  for (const LevelName& level : kLevelNames) {
    if (absl::StartsWith(rest, level.text)) return level;
  }
  return std::nullopt;
}

bool StartsWithUnit(absl::string_view rest) {
  return std::any_of(std::begin(kUnits), std::end(kUnits),
                     [&](absl::string_view unit) { return absl::StartsWith(rest, unit); }) ||
         (!rest.empty() && absl::ascii_isalpha(static_cast<unsigned char>(rest[0])));
}

absl::string_view TrailingStatusWord(absl::string_view text) {
  for (absl::string_view word : kStatusWords) {
    if (absl::EndsWith(text, word)) return word;
  }
  return "";
}

bool IsStatusWord(absl::string_view text) {
  return std::find(std::begin(kStatusWords), std::end(kStatusWords), text) !=
         std::end(kStatusWords);
}

size_t OperatorLengthAt(absl::string_view text, size_t pos) {
  const absl::string_view rest = text.substr(pos);
  for (absl::string_view op : {">=", "<=", "≥", "≤", "＞", "＜", "=", ">", "<", "＝"}) {
    if (absl::StartsWith(rest, op)) return op.size();
  }
  return 0;
}

std::optional<int> PrintedYear(absl::string_view text) {
  const std::string compact =
      absl::StrReplaceAll(RemoveWhitespace(text), {{"（", "("}, {"）", ")"}});
  size_t pos = 0;
  while ((pos = compact.find("年度)", pos)) != std::string::npos) {
    if (pos >= 5 && compact[pos - 5] == '(') {
      int year = 0;
      if (absl::SimpleAtoi(absl::string_view(compact).substr(pos - 4, 4), &year) && year > 1900) {
        return year;
      }
    }
    ++pos;
  }
  return std::nullopt;
}

std::optional<std::string> PrintedProjectCode(absl::string_view text) {
  constexpr absl::string_view kLabel = "项目编码";
  const size_t at = text.find(kLabel);
  if (at == absl::string_view::npos) return std::nullopt;
  absl::string_view rest = text.substr(at + kLabel.size());
  while (!rest.empty() && (absl::ascii_isspace(static_cast<unsigned char>(rest[0])) ||
                           rest[0] == ':' || absl::StartsWith(rest, "："))) {
    rest.remove_prefix(absl::StartsWith(rest, "：") ? 3 : 1);
  }
  std::string code;
  for (char c : rest) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') break;
    code.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
  }
  if (code.empty()) return std::nullopt;
  return code;
}

std::string DerivedProjectCode(absl::string_view project_name) {
  return "p-" + sha256::Sha256Hex(project_name).substr(0, 12);
}

}  // namespace jixiao::table_import
