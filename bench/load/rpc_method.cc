#include "bench/load/rpc_method.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace jixiao::load {
namespace {

// Letters, digits and '_' (proto identifiers), and '.' between them in the
// service's package.
bool IsIdentifierPath(absl::string_view text, bool dots_allowed) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  for (char c : text) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_') continue;
    if (c == '.' && dots_allowed) continue;
    return false;
  }
  return text.find("..") == absl::string_view::npos;
}

}  // namespace

std::string MethodName::Path() const { return absl::StrCat("/", service, "/", method); }

absl::StatusOr<MethodName> ParseMethodName(absl::string_view text) {
  absl::string_view rest = text;
  if (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);
  const std::vector<absl::string_view> parts = absl::StrSplit(rest, '/');
  if (parts.size() != 2 || !IsIdentifierPath(parts[0], /*dots_allowed=*/true) ||
      !IsIdentifierPath(parts[1], /*dots_allowed=*/false)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--method must be package.Service/Method (e.g. "
                     "jixiao.v1.QueryService/GetScoreCard), got \"",
                     text, "\""));
  }
  return MethodName{std::string(parts[0]), std::string(parts[1])};
}

absl::StatusOr<const google::protobuf::MethodDescriptor*> FindUnaryMethod(
    const MethodName& name, const google::protobuf::DescriptorPool& pool) {
  const google::protobuf::ServiceDescriptor* service = pool.FindServiceByName(name.service);
  if (service == nullptr) {
    return absl::NotFoundError(absl::StrCat("unknown service ", name.service,
                                            ": its protos are not linked into this program"));
  }
  const google::protobuf::MethodDescriptor* method = service->FindMethodByName(name.method);
  if (method == nullptr) {
    std::string known;
    for (int i = 0; i < service->method_count(); ++i) {
      absl::StrAppend(&known, i == 0 ? "" : ", ", service->method(i)->name());
    }
    return absl::NotFoundError(
        absl::StrCat(name.service, " has no method ", name.method, " (it has ", known, ")"));
  }
  if (method->client_streaming() || method->server_streaming()) {
    return absl::InvalidArgumentError(
        absl::StrCat(name.Path(), " streams; only unary methods can be loaded"));
  }
  return method;
}

}  // namespace jixiao::load
