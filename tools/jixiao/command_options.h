#pragma once

// How a jixiao command reads its command line: an OptionSet (CLI11, the parser
// the services use too) named "jixiao COMMAND", and the options several
// commands share, each bound to a typed field. A value that does not parse is
// refused while parsing, with the option's name in the message.

#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/domain/table_import/report_identity.h"
#include "common/platform/options/option_set.h"
#include "jixiao/v1/department.pb.h"
#include "jixiao/v1/query_service.pb.h"
#include "jixiao/v1/scheme.pb.h"
#include "tools/jixiao/grpc_channel.h"

namespace jixiao::cli {

using options::kExitFailure;
using options::kExitOk;
using options::kExitUsage;
using options::OptionSet;

// Parses `args` (after the command's name) and the process environment, in
// which a variable set but empty counts as unset. Returns the exit code when
// the command ends here: kExitOk after --help (the usage on `out`), kExitUsage
// after a bad command line (the problem and a hint on `err`).
std::optional<int> ParseCommand(OptionSet& options, const std::vector<std::string>& args,
                                std::ostream& out = std::cout, std::ostream& err = std::cerr);

// For a problem found after parsing: prints it as ParseCommand does and
// returns kExitUsage.
int UsageError(const OptionSet& options, absl::string_view problem, std::ostream& err = std::cerr);

// "province", "city", "district" or "county" (any case).
absl::StatusOr<jixiao::v1::AdministrativeLevel> ParseLevel(absl::string_view text);

// "ID" (version 0: the latest) or "ID@VERSION" with VERSION ≥ 1.
absl::StatusOr<jixiao::v1::SchemeRef> ParseSchemeRef(absl::string_view text);

// A year ("--year", "--from"): a positive number. Which years are valid is the
// services' business.
CLI::Option* AddYear(OptionSet& options, const std::string& flag, int& year,
                     const std::string& help);

// --scheme ID[@VERSION]; `by_default` says what stands when it is not given.
// Left unset, a request names no scheme and the service uses the default it is
// configured with, so that the CLI and every other client of one deployment
// agree.
void AddScheme(OptionSet& options, std::optional<jixiao::v1::SchemeRef>& scheme,
               const std::string& by_default);

// --level L, --sector TAG (repeatable), --cohort NAME: the peer group. Left
// unset when none is given, which the service reads as "every department".
void AddCohort(OptionSet& options, std::optional<jixiao::v1::Cohort>& cohort);

// --HOST:PORT of `spec`'s service (else its variable, else its default) and
// --timeout SECONDS, whose default is `endpoint.timeout` on entry.
void AddEndpoint(OptionSet& options, const EndpointSpec& spec, ServiceEndpoint& endpoint);

// What every query command takes besides its own options: --scheme, --json
// and where the query service is.
struct QueryCommandOptions {
  std::optional<jixiao::v1::SchemeRef> scheme;
  bool json = false;
  ServiceEndpoint endpoint;
};
void AddQueryCommandOptions(OptionSet& options, QueryCommandOptions& query);

// What a published table does not print about whose it is: --department-code,
// --department-name, --district-name, --level, --sector-tags a,b and --year.
void AddReportIdentity(OptionSet& options, table_import::ReportIdentity& identity);

// A target table's text names neither its department's code nor its year: the
// commands that send or convert one need these options.
absl::Status CheckTargetTableOwner(const table_import::ReportIdentity& identity);

// --schemes DIR, else $JIXIAO_SCHEMES_DIR (the variable scoring reads), else
// the folder shipped in the source tree.
void AddSchemesDirectory(OptionSet& options, std::string& directory);

}  // namespace jixiao::cli
