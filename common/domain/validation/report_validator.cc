#include "common/domain/validation/report_validator.h"

#include <algorithm>
#include <cmath>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/domain/report_id/report_id.h"
#include "common/domain/stated_percent/stated_percent.h"
#include "common/domain/validation/known_codes.h"
#include "common/domain/validation/message_limits.h"

namespace jixiao::validation {
namespace {

using jixiao::v1::Money;

std::string Field(absl::string_view parent, absl::string_view name) {
  return parent.empty() ? std::string(name) : absl::StrCat(parent, ".", name);
}

std::string Element(absl::string_view parent, absl::string_view name, int index) {
  return absl::StrCat(Field(parent, name), "[", index, "]");
}

bool AllDigits(absl::string_view code) {
  return std::all_of(code.begin(), code.end(), absl::ascii_isdigit);
}

// GB/T 2260 gives provinces, cities and districts six digits; the statistical
// division codes extend them for townships and sub-districts (乡镇, 街道) to
// nine digits, and for villages and communities to twelve.
bool IsDivisionCode(absl::string_view code) {
  return (code.size() == 6 || code.size() == 9 || code.size() == 12) && AllDigits(code);
}

// A project code: printed 项目编码 are digits and dashes, derived ones words
// joined by '-' or '_'; either way they sit in a report id, so no '/'.
bool IsProjectCode(absl::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == '-' || c == '_';
  });
}

// Lower-case ASCII words joined by '-': "commerce-finance".
bool IsSlug(absl::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == '-';
  });
}

// Dotted lower-case code: "management.procurement.contract_filing".
bool IsItemCode(absl::string_view s) {
  if (s.empty() || s.front() == '.' || s.back() == '.' || absl::StrContains(s, "..")) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == '_' || c == '.';
  });
}

// Collects violations while walking a message; each check names its field path. Every
// check is linear in what it reads: a repeat is found by a map of what came before.
class Checker {
 public:
  void Add(std::string field, std::string description) {
    violations_.Add(std::move(field), std::move(description));
  }

  void Required(const std::string& value, const std::string& field) {
    if (absl::StripAsciiWhitespace(value).empty()) Add(field, "is required");
  }

  void NonNegativeMoney(bool present, const Money& money, const std::string& field) {
    if (present && money.fen() < 0) {
      Add(Field(field, "fen"), absl::StrCat("must not be negative, got ", money.fen(), " 分"));
    }
  }

  void StatedPercent(const std::string& text, const std::string& field) {
    if (text.empty()) return;
    if (auto parsed = stated_percent::Parse(text); !parsed.ok()) {
      Add(field, std::string(parsed.status().message()));
    }
  }

  // Points (a weight, a score, a maximum) above kMaxPoints are no score of anything.
  void Points(bool present, double points, const std::string& field) {
    if (present && std::abs(points) > kMaxPoints) {
      Add(field, absl::StrCat("must be at most ", kMaxPoints, " points, got ", points));
    }
  }

  // A score declared against a maximum must lie within [0, max].
  void ScoreWithin(bool has_score, double score, double max, const std::string& field) {
    if (!has_score) return;
    if (std::abs(score) > kMaxPoints) {
      Points(true, score, field);
    } else if (score < 0) {
      Add(field, absl::StrCat("must not be negative, got ", score));
    } else if (score > max + 1e-9) {
      Add(field, absl::StrCat("must not exceed the maximum ", max, ", got ", score));
    }
  }

  void Department(const jixiao::v1::Department& d, const std::string& path) {
    const std::string code = Field(path, "code");
    Required(d.code(), code);
    const size_t colon = d.code().find(':');
    if (!d.code().empty() &&
        (colon == std::string::npos || !IsDivisionCode(d.code().substr(0, colon)) ||
         !IsSlug(d.code().substr(colon + 1)))) {
      Add(code,
          "must be \"<6, 9 or 12-digit division code>:<lower-case slug>\", e.g. 440106:ccpit");
    } else if (!d.code().empty() && d.code().substr(0, colon) != d.district().code()) {
      Add(code, absl::StrCat("must start with the district code ", d.district().code()));
    }
    Required(d.name(), Field(path, "name"));
    const std::string& division = d.district().code();
    if (!IsDivisionCode(division)) {
      Add(Field(path, "district.code"),
          "must be a 6-digit GB/T 2260 division code, or a 9 or 12-digit code of a township");
    }
    Required(d.district().name(), Field(path, "district.name"));
    if (d.level() == jixiao::v1::ADMINISTRATIVE_LEVEL_UNSPECIFIED) {
      Add(Field(path, "level"), "is required");
    } else if (IsDivisionCode(division)) {
      // Only a township has a code longer than six digits, and a township's
      // department always has one: the level and the code must tell the same.
      const bool township = d.level() == jixiao::v1::ADMINISTRATIVE_LEVEL_TOWNSHIP;
      if (township && division.size() == 6) {
        Add(Field(path, "level"), absl::StrCat("is ADMINISTRATIVE_LEVEL_TOWNSHIP, but the district "
                                               "code ",
                                               division, " has six digits (want 9 or 12)"));
      } else if (!township && division.size() != 6) {
        Add(Field(path, "level"), absl::StrCat("must be ADMINISTRATIVE_LEVEL_TOWNSHIP for the ",
                                               division.size(), "-digit district code ", division));
      }
    }
    for (int i = 0; i < d.sector_tags_size(); ++i) {
      if (!IsSlug(d.sector_tags(i))) {
        Add(Element(path, "sector_tags", i), "must be a lower-case slug such as \"commerce\"");
      }
    }
  }

  void FiscalYear(int year, const std::string& field) {
    if (year < kMinFiscalYear || year > kMaxFiscalYear) {
      Add(field, absl::StrCat("must be between ", kMinFiscalYear, " and ", kMaxFiscalYear, ", got ",
                              year));
    }
  }

  void Indicator(const jixiao::v1::Indicator& indicator, const std::string& path) {
    Required(indicator.name(), Field(path, "name"));
    if (!IsKnownLevel1Code(indicator.level1_code())) {
      Add(Field(path, "level1_code"), "must be one of 1 产出, 2 效益, 3 满意度, 4 成本");
    }
    // Some national forms print no 二级指标: an empty level 2 is allowed, a wrong one is not.
    const std::string& level2 = indicator.level2_code();
    if (!level2.empty() && !IsKnownLevel2Code(level2)) {
      Add(Field(path, "level2_code"), "must be a standard level-2 code (11…43) or empty");
    } else if (!level2.empty() && level2.substr(0, 1) != indicator.level1_code()) {
      Add(Field(path, "level2_code"),
          absl::StrCat("must belong to level 1 \"", indicator.level1_code(), "\""));
    }
    // Forms that fold the target into the indicator's name print none; an
    // indicator must still say something to be scored or compared.
    if (absl::StripAsciiWhitespace(indicator.target().text()).empty() &&
        absl::StripAsciiWhitespace(indicator.actual().text()).empty() && !indicator.has_weight() &&
        !indicator.has_declared_score()) {
      Add(Field(path, "target.text"),
          "is required when the indicator has no actual text, weight or declared score");
    }
    for (int i = 0; i < indicator.tags_size(); ++i) {
      if (!IsSlug(indicator.tags(i))) {
        Add(Element(path, "tags", i), "must be a lower-case slug such as \"core\"");
      }
    }
    if (indicator.has_weight() && indicator.weight() < 0) {
      Add(Field(path, "weight"), "must not be negative");
    }
    Points(indicator.has_weight(), indicator.weight(), Field(path, "weight"));
    if (indicator.has_weight()) {
      ScoreWithin(indicator.has_declared_score(), indicator.declared_score(), indicator.weight(),
                  Field(path, "declared_score"));
    } else if (indicator.has_declared_score() && indicator.declared_score() < 0) {
      Add(Field(path, "declared_score"), "must not be negative");
    } else {
      Points(indicator.has_declared_score(), indicator.declared_score(),
             Field(path, "declared_score"));
    }
    StatedPercent(indicator.stated_completion_percent(), Field(path, "stated_completion_percent"));
  }

  // Indicators, whose ids (where the document numbers them) are unique within their list.
  template <typename List>
  void Indicators(const List& list, const std::string& parent, absl::string_view name) {
    absl::flat_hash_map<absl::string_view, int> first_with_id;
    for (int i = 0; i < list.size(); ++i) {
      const std::string path = Element(parent, name, i);
      Indicator(list.Get(i), path);
      const std::string& id = list.Get(i).id();
      if (id.empty()) continue;
      if (auto [first, added] = first_with_id.try_emplace(id, i); !added) {
        Add(Field(path, "id"), absl::StrCat("repeats the id of ", name, "[", first->second, "]"));
      }
    }
  }

  // `period_start_year`..`fiscal_year`: the years `b.years` may hold.
  void Budget(const jixiao::v1::Budget& b, const std::string& path, int period_start_year,
              int fiscal_year) {
    NonNegativeMoney(b.has_initial(), b.initial(), Field(path, "initial"));
    NonNegativeMoney(b.has_adjusted(), b.adjusted(), Field(path, "adjusted"));
    NonNegativeMoney(b.has_final(), b.final(), Field(path, "final"));
    NonNegativeMoney(b.has_prior_year_final(), b.prior_year_final(),
                     Field(path, "prior_year_final"));
    NonNegativeMoney(b.has_carry_over(), b.carry_over(), Field(path, "carry_over"));
    StatedPercent(b.stated_execution_percent(), Field(path, "stated_execution_percent"));
    StatedPercent(b.stated_adjustment_percent(), Field(path, "stated_adjustment_percent"));
    StatedPercent(b.stated_change_percent(), Field(path, "stated_change_percent"));
    StatedPercent(b.stated_scoring_execution_percent(),
                  Field(path, "stated_scoring_execution_percent"));
    StatedPercent(b.stated_carry_over_percent(), Field(path, "stated_carry_over_percent"));
    for (int i = 0; i < b.breakdowns_size(); ++i) {
      Breakdown(b.breakdowns(i), Element(path, "breakdowns", i));
    }
    absl::flat_hash_map<int, int> first_of_year;
    for (int i = 0; i < b.years_size(); ++i) {
      const auto& year = b.years(i);
      const std::string year_path = Element(path, "years", i);
      if (year.fiscal_year() < period_start_year || year.fiscal_year() > fiscal_year) {
        Add(Field(year_path, "fiscal_year"),
            absl::StrCat("must be within the period ", period_start_year, "–", fiscal_year,
                         ", got ", year.fiscal_year()));
      }
      if (auto [first, added] = first_of_year.try_emplace(year.fiscal_year(), i); !added) {
        Add(Field(year_path, "fiscal_year"),
            absl::StrCat("repeats the year of years[", first->second, "]"));
      }
      NonNegativeMoney(year.has_adjusted(), year.adjusted(), Field(year_path, "adjusted"));
      NonNegativeMoney(year.has_final(), year.final(), Field(year_path, "final"));
      StatedPercent(year.stated_execution_percent(), Field(year_path, "stated_execution_percent"));
    }
    for (int i = 0; i < b.special_funds_size(); ++i) {
      const auto& fund = b.special_funds(i);
      const std::string fund_path = Element(path, "special_funds", i);
      Required(fund.name(), Field(fund_path, "name"));
      NonNegativeMoney(fund.has_budget(), fund.budget(), Field(fund_path, "budget"));
      NonNegativeMoney(fund.has_spent(), fund.spent(), Field(fund_path, "spent"));
      StatedPercent(fund.stated_execution_percent(), Field(fund_path, "stated_execution_percent"));
      Indicators(fund.indicators(), fund_path, "indicators");
    }
  }

  void Breakdown(const jixiao::v1::BudgetBreakdown& breakdown, const std::string& path) {
    if (breakdown.dimension() == jixiao::v1::BREAKDOWN_DIMENSION_UNSPECIFIED) {
      Add(Field(path, "dimension"), "is required");
    }
    absl::flat_hash_map<absl::string_view, int> first_of_category;
    for (int i = 0; i < breakdown.lines_size(); ++i) {
      const auto& line = breakdown.lines(i);
      const std::string line_path = Element(path, "lines", i);
      if (breakdown.dimension() != jixiao::v1::BREAKDOWN_DIMENSION_UNSPECIFIED &&
          !IsKnownBreakdownCategory(breakdown.dimension(), line.category())) {
        Add(Field(line_path, "category"),
            absl::StrCat("\"", line.category(), "\" is not a category of ",
                         jixiao::v1::BreakdownDimension_Name(breakdown.dimension())));
      }
      if (auto [first, added] = first_of_category.try_emplace(line.category(), i); !added) {
        Add(Field(line_path, "category"),
            absl::StrCat("repeats the category of lines[", first->second, "]"));
      }
      NonNegativeMoney(line.has_initial(), line.initial(), Field(line_path, "initial"));
      NonNegativeMoney(line.has_adjusted(), line.adjusted(), Field(line_path, "adjusted"));
      NonNegativeMoney(line.has_final(), line.final(), Field(line_path, "final"));
      StatedPercent(line.stated_share_percent(), Field(line_path, "stated_share_percent"));
    }
  }

  void AssessedItem(const jixiao::v1::AssessedItem& item, const std::string& path,
                    absl::string_view parent_code) {
    const std::string code = Field(path, "code");
    if (!IsItemCode(item.code())) {
      Add(code, "must be a dotted lower-case code such as \"management.procurement\"");
    } else if (!parent_code.empty() &&
               !absl::StartsWith(item.code(), absl::StrCat(parent_code, "."))) {
      Add(code, absl::StrCat("must start with its parent's code \"", parent_code, ".\""));
    }
    Required(item.name(), Field(path, "name"));
    if (item.weight() <= 0) Add(Field(path, "weight"), "must be positive");
    Points(true, item.weight(), Field(path, "weight"));
    ScoreWithin(item.has_declared_score(), item.declared_score(), item.weight(),
                Field(path, "declared_score"));
    for (int i = 0; i < item.sub_items_size(); ++i) {
      AssessedItem(item.sub_items(i), Element(path, "sub_items", i), item.code());
    }
  }

  void Declared(const jixiao::v1::DeclaredScores& declared, const std::string& path) {
    if (declared.has_total() && declared.total() < 0) {
      Add(Field(path, "total"), "must not be negative");
    }
    Points(declared.has_total(), declared.total(), Field(path, "total"));
    for (int i = 0; i < declared.subtotals_size(); ++i) {
      const auto& subtotal = declared.subtotals(i);
      const std::string sub_path = Element(path, "subtotals", i);
      if (!IsItemCode(subtotal.code())) Add(Field(sub_path, "code"), "must be a dotted code");
      if (subtotal.max() <= 0) Add(Field(sub_path, "max"), "must be positive");
      Points(true, subtotal.max(), Field(sub_path, "max"));
      ScoreWithin(subtotal.has_score(), subtotal.score(), subtotal.max(), Field(sub_path, "score"));
    }
  }

  FieldViolations Take() { return violations_.Take(); }

 private:
  ViolationCollector violations_;
};

// The identity a kind needs beyond department and year: a project code for
// the kinds of which a department has many a year, an evaluator and a period
// for an external evaluation.
void CheckKindIdentity(const jixiao::v1::EvaluationReport& report, Checker& check) {
  const bool per_project = report.kind() == jixiao::v1::REPORT_KIND_PROJECT_SELF_EVALUATION ||
                           report.kind() == jixiao::v1::REPORT_KIND_EXTERNAL_EVALUATION;
  if (per_project && report.project_code().empty()) {
    check.Add("project_code",
              "is required for a project self-evaluation or an external evaluation");
  } else if (per_project && !IsProjectCode(report.project_code())) {
    check.Add("project_code",
              "must be lower-case letters, digits, '-' and '_', e.g. \"44010623-001\"");
  } else if (!per_project && !report.project_code().empty()) {
    check.Add("project_code", "must be empty for a department self-evaluation");
  }
  if (report.kind() != jixiao::v1::REPORT_KIND_EXTERNAL_EVALUATION) {
    if (report.has_evaluator()) check.Add("evaluator", "is only for an external evaluation");
    if (report.period_start_year() != 0) {
      check.Add("period_start_year", "is only for an external evaluation");
    }
    return;
  }
  check.Required(report.evaluator().name(), "evaluator.name");
  if (report.evaluator().kind() != jixiao::v1::EVALUATOR_KIND_FINANCE_DEPARTMENT &&
      report.evaluator().kind() != jixiao::v1::EVALUATOR_KIND_THIRD_PARTY) {
    check.Add("evaluator.kind",
              "must be EVALUATOR_KIND_FINANCE_DEPARTMENT or EVALUATOR_KIND_THIRD_PARTY");
  }
  const int start = report.period_start_year();
  if (start != 0 && (start < kMinFiscalYear || start > report.fiscal_year() ||
                     report.fiscal_year() - start > kMaxEvaluationPeriodYears)) {
    check.Add(
        "period_start_year",
        absl::StrCat("must be 0 (the fiscal year) or between ",
                     std::max(kMinFiscalYear, report.fiscal_year() - kMaxEvaluationPeriodYears),
                     " and the fiscal year ", report.fiscal_year(), ", got ", start));
  }
}

}  // namespace

FieldViolations ValidateReport(const jixiao::v1::EvaluationReport& report) {
  // Over a limit, nothing else is read: the other checks may then assume sizes that are sane.
  if (FieldViolations over = CheckMessageLimits(report); !over.empty()) return over;
  Checker check;
  if (report.kind() == jixiao::v1::REPORT_KIND_UNSPECIFIED) check.Add("kind", "is required");
  check.FiscalYear(report.fiscal_year(), "fiscal_year");
  if (!report.has_department()) {
    check.Add("department", "is required");
  } else {
    check.Department(report.department(), "department");
  }
  CheckKindIdentity(report, check);
  if (!report.report_id().empty() && report.report_id() != report_id::Of(report)) {
    check.Add("report_id",
              absl::StrCat("must be \"", report_id::Of(report),
                           "\" (department code/fiscal year/kind[/project code]) or empty"));
  }
  const int period_start =
      report.period_start_year() == 0 ? report.fiscal_year() : report.period_start_year();
  check.Budget(report.budget(), "budget", period_start, report.fiscal_year());
  for (int i = 0; i < report.key_tasks_size(); ++i) {
    const auto& task = report.key_tasks(i);
    const std::string path = Element("", "key_tasks", i);
    check.Required(task.name(), Field(path, "name"));
    if (task.has_weight() && task.weight() < 0)
      check.Add(Field(path, "weight"), "must not be negative");
    check.Points(task.has_weight(), task.weight(), Field(path, "weight"));
    if (task.has_weight()) {
      check.ScoreWithin(task.has_declared_score(), task.declared_score(), task.weight(),
                        Field(path, "declared_score"));
    }
    if (task.declared_indicator_count() < 0) {
      check.Add(Field(path, "declared_indicator_count"), "must not be negative");
    }
    check.StatedPercent(task.stated_completion_percent(), Field(path, "stated_completion_percent"));
    check.Indicators(task.indicators(), path, "indicators");
  }
  check.Indicators(report.indicators(), "", "indicators");
  for (int i = 0; i < report.projects_size(); ++i) {
    const auto& project = report.projects(i);
    const std::string path = Element("", "projects", i);
    check.Required(project.name(), Field(path, "name"));
    check.NonNegativeMoney(project.has_initial(), project.initial(), Field(path, "initial"));
    check.NonNegativeMoney(project.has_adjusted(), project.adjusted(), Field(path, "adjusted"));
    check.NonNegativeMoney(project.has_spent(), project.spent(), Field(path, "spent"));
    check.StatedPercent(project.stated_execution_percent(),
                        Field(path, "stated_execution_percent"));
    check.StatedPercent(project.stated_adjustment_percent(),
                        Field(path, "stated_adjustment_percent"));
    if (project.has_declared_score() && project.declared_score() < 0) {
      check.Add(Field(path, "declared_score"), "must not be negative");
    }
    check.Points(project.has_declared_score(), project.declared_score(),
                 Field(path, "declared_score"));
    check.Indicators(project.indicators(), path, "indicators");
  }
  for (int i = 0; i < report.effectiveness_items_size(); ++i) {
    check.AssessedItem(report.effectiveness_items(i), Element("", "effectiveness_items", i), "");
  }
  for (int i = 0; i < report.management_items_size(); ++i) {
    check.AssessedItem(report.management_items(i), Element("", "management_items", i), "");
  }
  check.Declared(report.declared(), "declared");
  return check.Take();
}

FieldViolations ValidateTargetTable(const jixiao::v1::ProjectTargetTable& table) {
  if (FieldViolations over = CheckMessageLimits(table); !over.empty()) return over;
  Checker check;
  check.FiscalYear(table.fiscal_year(), "fiscal_year");
  if (!table.has_department()) {
    check.Add("department", "is required");
  } else {
    check.Department(table.department(), "department");
  }
  if (!table.table_id().empty() && table.table_id() != report_id::OfTargetTable(table)) {
    check.Add("table_id",
              absl::StrCat("must be \"", report_id::OfTargetTable(table), "\" or empty"));
  }
  check.NonNegativeMoney(table.has_total(), table.total(), "total");
  check.NonNegativeMoney(table.has_fiscal_appropriation_total(), table.fiscal_appropriation_total(),
                         "fiscal_appropriation_total");
  for (int i = 0; i < table.projects_size(); ++i) {
    const auto& project = table.projects(i);
    const std::string path = Element("", "projects", i);
    check.Required(project.name(), Field(path, "name"));
    if (!project.has_total()) check.Add(Field(path, "total"), "is required");
    check.NonNegativeMoney(project.has_total(), project.total(), Field(path, "total"));
    check.NonNegativeMoney(project.has_fiscal_appropriation(), project.fiscal_appropriation(),
                           Field(path, "fiscal_appropriation"));
    check.NonNegativeMoney(project.has_fiscal_special_account(), project.fiscal_special_account(),
                           Field(path, "fiscal_special_account"));
    check.NonNegativeMoney(project.has_other_funds(), project.other_funds(),
                           Field(path, "other_funds"));
    check.Indicators(project.indicators(), path, "indicators");
  }
  return check.Take();
}

}  // namespace jixiao::validation
