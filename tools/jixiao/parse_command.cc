#include "tools/jixiao/parse_command.h"

#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "common/domain/target_value/target_value_parser.h"
#include "common/platform/options/option_checks.h"
#include "jixiao/v1/indicator.pb.h"
#include "services/scoring/engine/indicators/completion.h"
#include "services/scoring/engine/indicators/measured_value.h"
#include "services/scoring/scheme/curves.h"
#include "tools/jixiao/command_options.h"

namespace jixiao::cli {
namespace {

using scoring::Completion;
using scoring::CompletionBasis;
using scoring::Direction;

absl::string_view KindName(v1::ValueKind kind) {
  switch (kind) {
    case v1::VALUE_KIND_QUANTITY:
      return "quantity";
    case v1::VALUE_KIND_DEADLINE:
      return "deadline";
    case v1::VALUE_KIND_QUALITATIVE:
      return "qualitative";
    case v1::VALUE_KIND_ABSENT:
      return "absent";
    default:
      return "-";
  }
}

absl::string_view ComparatorName(v1::Comparator comparator) {
  switch (comparator) {
    case v1::COMPARATOR_EQ:
      return "= (equal)";
    case v1::COMPARATOR_GE:
      return "≥ (at least)";
    case v1::COMPARATOR_GT:
      return "> (more than)";
    case v1::COMPARATOR_LE:
      return "≤ (at most)";
    case v1::COMPARATOR_LT:
      return "< (less than)";
    case v1::COMPARATOR_APPROX:
      return "≈ (about)";
    default:
      return "-";
  }
}

absl::string_view JudgementName(v1::Judgement judgement) {
  switch (judgement) {
    case v1::JUDGEMENT_ACHIEVED:
      return "achieved";
    case v1::JUDGEMENT_PARTIALLY_ACHIEVED:
      return "partially achieved";
    case v1::JUDGEMENT_NOT_ACHIEVED:
      return "not achieved";
    default:
      return "-";
  }
}

std::string Number(double value) { return absl::StrFormat("%.15g", value); }

std::string Amount(const v1::ParsedValue& value) {
  return absl::StrCat(Number(value.number()), value.unit().empty() ? "" : " ", value.unit());
}

std::string OrDash(const std::string& text) { return text.empty() ? "-" : text; }

void PrintValue(absl::string_view role, const std::string& text, const v1::ParsedValue& value,
                std::ostream& out) {
  const bool quantity = value.kind() == v1::VALUE_KIND_QUANTITY;
  out << role << ": " << text << "\n";
  out << role << ".kind: " << KindName(value.kind()) << "\n";
  out << role << ".operator: " << ComparatorName(value.comparator()) << "\n";
  out << role << ".number: " << (quantity ? Number(value.number()) : "-") << "\n";
  out << role << ".unit: " << OrDash(value.unit()) << "\n";
  out << role << ".magnitude: " << (quantity ? absl::StrCat(value.magnitude()) : "-") << "\n";
  out << role << ".growth: " << (value.growth() ? "yes" : "no") << "\n";
  out << role << ".deadline: " << OrDash(value.deadline()) << "\n";
  out << role << ".judgement: " << JudgementName(value.judgement()) << "\n";
  out << role << ".reason: " << OrDash(value.reason()) << "\n";
}

absl::string_view BasisName(CompletionBasis basis) {
  switch (basis) {
    case CompletionBasis::kNumbers:
      return "numbers";
    case CompletionBasis::kDeadline:
      return "deadline";
    case CompletionBasis::kStatedQuantity:
      return "stated completion (quantity)";
    case CompletionBasis::kStatedQualitative:
      return "stated completion (qualitative)";
    case CompletionBasis::kJudged:
      return "judged by words";
    case CompletionBasis::kMissingActual:
      return "missing actual";
    case CompletionBasis::kNotComparable:
      return "not comparable";
  }
  return "-";
}

absl::string_view DirectionName(Direction direction) {
  switch (direction) {
    case Direction::kPositive:
      return "positive (more is better: actual / target)";
    case Direction::kReverse:
      return "reverse (less is better: within the target is met)";
    case Direction::kAtLeast:
      return "bound (at least the target; no ratio)";
    case Direction::kAtMost:
      return "bound (at most the target; no ratio)";
  }
  return "-";
}

std::string ActualUnitText(const Completion& completion, const v1::ParsedValue& printed) {
  switch (completion.actual_unit) {
    case scoring::ActualUnit::kAsPrinted:
      return "as printed";
    case scoring::ActualUnit::kInherited:
      return absl::StrCat("inherited from the target: ", Number(printed.number()), " read as ",
                          Amount(*completion.actual));
    case scoring::ActualUnit::kConverted:
      return absl::StrCat("converted: ", Amount(printed), " = ", Amount(*completion.actual));
  }
  return "-";
}

struct Outcome {
  std::string met;  // yes / no / partly / unknown
  std::string why;
};

Outcome NumbersOutcome(const Completion& completion) {
  const v1::ParsedValue& target = *completion.target;
  const v1::ParsedValue& actual = *completion.actual;
  switch (completion.direction) {
    case Direction::kPositive: {
      const bool met = scoring::ReachesPercent(*completion.rate_percent, 100);
      return {met ? "yes" : "no",
              absl::StrCat("actual ", Amount(actual), (met ? " reaches " : " falls short of "),
                           "the target ", Amount(target))};
    }
    case Direction::kReverse: {
      const bool met = actual.number() <= target.number();
      return {met ? "yes" : "no",
              absl::StrCat("reverse indicator: actual ", Amount(actual),
                           (met ? " is within " : " exceeds "), "the target ", Amount(target))};
    }
    default:
      return {completion.met ? "yes" : "no",
              absl::StrCat("actual ", Amount(actual), (completion.met ? " meets " : " misses "),
                           "the bound ", Amount(target))};
  }
}

Outcome OutcomeOf(const v1::Indicator& indicator, const Completion& completion) {
  switch (completion.basis) {
    case CompletionBasis::kNumbers:
      return NumbersOutcome(completion);
    case CompletionBasis::kDeadline:
      return {completion.met ? "yes" : "no",
              absl::StrCat("actual ", completion.actual->deadline(),
                           completion.met ? " is on or before " : " is after ", "the deadline ",
                           completion.target->deadline())};
    case CompletionBasis::kJudged: {
      const v1::Judgement judgement = completion.judgement;
      const std::string met = judgement == v1::JUDGEMENT_ACHIEVED             ? "yes"
                              : judgement == v1::JUDGEMENT_PARTIALLY_ACHIEVED ? "partly"
                                                                              : "no";
      if (completion.judged_by == scoring::JudgedBy::kRestatesTarget) {
        return {met, absl::StrCat("judged by words: the actual restates the target 「",
                                  indicator.target().text(), "」: ", JudgementName(judgement))};
      }
      return {met, absl::StrCat("judged by words: 「", indicator.actual().text(), "」 reads as ",
                                JudgementName(judgement))};
    }
    case CompletionBasis::kStatedQuantity:
    case CompletionBasis::kStatedQualitative: {
      std::string why = "the stated completion is used";
      if (completion.not_comparable != scoring::NotComparable::kNo) {
        absl::StrAppend(&why, " (");
        scoring::AppendNotComparableReason(completion, why);
        absl::StrAppend(&why, ")");
      }
      return {"by the stated completion", why};
    }
    case CompletionBasis::kMissingActual:
      return {"unknown", "no actual value"};
    case CompletionBasis::kNotComparable: {
      std::string why;
      scoring::AppendNotComparableReason(completion, why);
      return {"unknown", why};
    }
  }
  return {"unknown", "-"};
}

void PrintComparison(const v1::Indicator& indicator, const Completion& completion,
                     const v1::ParsedValue& printed_actual, std::ostream& out) {
  const bool numbers = completion.basis == CompletionBasis::kNumbers;
  out << "basis: " << BasisName(completion.basis) << "\n";
  out << "direction: " << (numbers ? DirectionName(completion.direction) : "-") << "\n";
  out << "actual.unit_reading: " << (numbers ? ActualUnitText(completion, printed_actual) : "-")
      << "\n";
  out << "completion: "
      << (completion.rate_percent.has_value() ? absl::StrFormat("%.2f%%", *completion.rate_percent)
                                              : std::string("-"))
      << "\n";
  const Outcome outcome = OutcomeOf(indicator, completion);
  out << "met: " << outcome.met << "\n";
  out << "why: " << outcome.why << "\n";
}

}  // namespace

int RunParse(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  OptionSet options(
      "jixiao parse",
      "How a target (年度指标值) and an actual (实际完成值) are read, and how scoring\n"
      "compares them. Example: jixiao parse '≤90万元' 89.974");
  std::vector<std::string> values;
  options.AddArguments("TARGET [ACTUAL]", values, "the target, and the actual")->required();
  std::string stated_text;
  std::optional<stated_percent::StatedPercent> stated;
  options.app()
      .add_option_function<std::string>(
          "--stated",
          [&](const std::string& text) {
            stated_text = text;
            stated = scoring::ParseStatedPercent(text);
          },
          "the report's stated completion (完成率)")
      ->type_name("PERCENT")
      ->check(options::Checked([](absl::string_view text) {
        return scoring::ParseStatedPercent(std::string(text)).has_value()
                   ? absl::OkStatus()
                   : absl::InvalidArgumentError("must be a percentage");
      }));
  if (std::optional<int> exit = ParseCommand(options, args, out, err)) return *exit;
  if (values.size() > 2) return UsageError(options, "give a TARGET and at most one ACTUAL", err);
  v1::Indicator indicator;
  indicator.mutable_target()->set_text(values[0]);
  PrintValue("target", values[0], target_value::ParseValue(values[0]), out);
  if (values.size() < 2) return kExitOk;

  indicator.mutable_actual()->set_text(values[1]);
  indicator.set_stated_completion_percent(stated_text);
  const v1::ParsedValue printed_actual = target_value::ParseValue(values[1]);
  PrintValue("actual", values[1], printed_actual, out);
  scoring::ParsedValueStore store;
  const Completion completion = scoring::AssessCompletion(indicator, stated, store);
  PrintComparison(indicator, completion, printed_actual, out);
  return kExitOk;
}

}  // namespace jixiao::cli
