#include "tools/jixiao/command_options.h"

#include <iterator>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/platform/options/environment.h"
#include "common/platform/options/option_checks.h"

namespace jixiao::cli {
namespace {

// A day: long enough for any bulk call, short enough that the deadline
// arithmetic cannot overflow.
constexpr double kMaxTimeoutSeconds = 24 * 3600;

CLI::Validator YearCheck() {
  return options::Checked([](absl::string_view text) {
    int year = 0;
    return absl::SimpleAtoi(text, &year) && year > 0
               ? absl::OkStatus()
               : absl::InvalidArgumentError("must be a year, e.g. 2023");
  });
}

// An option whose text becomes a typed value once checked: `parse` is run by
// the check and again, on a value it accepted, to store the result.
template <typename T, typename Store>
CLI::Option* AddParsed(OptionSet& options, const std::string& flag, const std::string& help,
                       absl::StatusOr<T> (*parse)(absl::string_view), Store store) {
  return options.app()
      .add_option_function<std::string>(
          flag, [parse, store](const std::string& text) { store(*parse(text)); }, help)
      ->check(options::Checked([parse](absl::string_view text) { return parse(text).status(); }));
}

}  // namespace

std::optional<int> ParseCommand(OptionSet& options, const std::vector<std::string>& args,
                                std::ostream& out, std::ostream& err) {
  options::Environment environment = options::ProcessEnvironment();
  for (auto it = environment.begin(); it != environment.end();) {
    it = it->second.empty() ? environment.erase(it) : std::next(it);
  }
  return options::ExitCodeForParse(options.Parse(args, environment), options, out, err);
}

int UsageError(const OptionSet& options, absl::string_view problem, std::ostream& err) {
  return options::UsageError(options, absl::InvalidArgumentError(problem), err);
}

absl::StatusOr<jixiao::v1::AdministrativeLevel> ParseLevel(absl::string_view text) {
  const std::string upper = "ADMINISTRATIVE_LEVEL_" + absl::AsciiStrToUpper(text);
  jixiao::v1::AdministrativeLevel level;
  if (!jixiao::v1::AdministrativeLevel_Parse(upper, &level) ||
      level == jixiao::v1::ADMINISTRATIVE_LEVEL_UNSPECIFIED) {
    return absl::InvalidArgumentError("must be province, city, district or county");
  }
  return level;
}

absl::StatusOr<jixiao::v1::SchemeRef> ParseSchemeRef(absl::string_view text) {
  jixiao::v1::SchemeRef ref;
  const size_t at = text.find('@');
  ref.set_id(std::string(text.substr(0, at)));
  int version = 0;
  if (ref.id().empty() || (at != absl::string_view::npos &&
                           (!absl::SimpleAtoi(text.substr(at + 1), &version) || version < 1))) {
    return absl::InvalidArgumentError("takes ID or ID@VERSION");
  }
  ref.set_version(version);
  return ref;
}

CLI::Option* AddYear(OptionSet& options, const std::string& flag, int& year,
                     const std::string& help) {
  return options.app().add_option(flag, year, help)->type_name("YEAR")->check(YearCheck());
}

void AddScheme(OptionSet& options, std::optional<jixiao::v1::SchemeRef>& scheme,
               const std::string& by_default) {
  AddParsed(options, "--scheme",
            absl::StrCat("scoring scheme (default: ", by_default, ", latest version)"),
            &ParseSchemeRef, [&scheme](jixiao::v1::SchemeRef ref) { scheme = std::move(ref); })
      ->type_name("ID[@VERSION]");
}

void AddCohort(OptionSet& options, std::optional<jixiao::v1::Cohort>& cohort) {
  AddParsed(options, "--level", "peer group of one level: province, city, district or county",
            &ParseLevel,
            [&cohort](jixiao::v1::AdministrativeLevel level) {
              if (!cohort) cohort.emplace();
              cohort->set_level(level);
            })
      ->type_name("L");
  options.app()
      .add_option_function<std::vector<std::string>>(
          "--sector",
          [&cohort](const std::vector<std::string>& tags) {
            if (!cohort) cohort.emplace();
            for (const std::string& tag : tags) cohort->add_sector_tags(tag);
          },
          "peer group by sector tag (repeatable)")
      ->type_name("TAG");
  options.app()
      .add_option_function<std::string>(
          "--cohort",
          [&cohort](const std::string& name) {
            if (!cohort) cohort.emplace();
            cohort->set_name(name);
          },
          "a peer group configured in the service (then the two above are ignored)")
      ->type_name("NAME");
}

void AddEndpoint(OptionSet& options, const EndpointSpec& spec, ServiceEndpoint& endpoint) {
  endpoint.service = spec.service;
  endpoint.address = spec.fallback;
  options
      .Add(absl::StrCat("--", spec.option), endpoint.address,
           absl::StrCat("the ", spec.service, " service"), spec.env)
      ->type_name("HOST:PORT")
      ->check(options::NonEmpty());
  options.AddDuration("--timeout", endpoint.timeout, absl::Seconds(1), "deadline of each call")
      ->type_name("SECONDS")
      ->check(options::Checked([](absl::string_view text) {
        double seconds = 0;
        return absl::SimpleAtod(text, &seconds) && seconds > 0 && seconds <= kMaxTimeoutSeconds
                   ? absl::OkStatus()
                   : absl::InvalidArgumentError(absl::StrCat(
                         "must be a number of seconds above 0, at most ", kMaxTimeoutSeconds));
      }));
  transport::AddTransportSecurityOptions(options, endpoint.security);
}

void AddQueryCommandOptions(OptionSet& options, QueryCommandOptions& query) {
  AddScheme(options, query.scheme, "the query service's default");
  options.AddFlag("--json", query.json, "print the response as JSON");
  AddEndpoint(options, kQueryEndpoint, query.endpoint);
}

void AddReportIdentity(OptionSet& options, table_import::ReportIdentity& identity) {
  options.Add("--department-code", identity.department_code, "the department, DISTRICT:SLUG")
      ->type_name("CODE");
  options.Add("--department-name", identity.department_name, "its name, over the printed one")
      ->type_name("NAME");
  options.Add("--district-name", identity.district_name, "its district's name")->type_name("NAME");
  AddParsed(options, "--level", "its level: province, city, district or county", &ParseLevel,
            [&identity](jixiao::v1::AdministrativeLevel level) { identity.level = level; })
      ->type_name("LEVEL");
  options.app()
      .add_option_function<std::string>(
          "--sector-tags",
          [&identity](const std::string& tags) {
            for (absl::string_view tag : absl::StrSplit(tags, ',', absl::SkipEmpty())) {
              identity.sector_tags.emplace_back(tag);
            }
          },
          "its sector tags, comma-separated")
      ->type_name("a,b");
  AddYear(options, "--year", identity.year, "fiscal year");
}

absl::Status CheckTargetTableOwner(const table_import::ReportIdentity& identity) {
  if (identity.department_code.empty() || identity.district_name.empty() ||
      identity.level == jixiao::v1::ADMINISTRATIVE_LEVEL_UNSPECIFIED || identity.year == 0) {
    return absl::InvalidArgumentError(
        "*.txt target tables need --department-code, --district-name, --level and --year");
  }
  return absl::OkStatus();
}

void AddSchemesDirectory(OptionSet& options, std::string& directory) {
  directory = "services/scoring/schemes";
  options.Add("--schemes", directory, "folder of scheme files", "JIXIAO_SCHEMES_DIR")
      ->type_name("DIR");
}

}  // namespace jixiao::cli
