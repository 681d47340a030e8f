#include "services/scoring/scheme/scheme_parser.h"

#include <algorithm>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/domain/content_hash/sha256.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"
#include "services/scoring/scheme/did_you_mean.h"
#include "services/scoring/scheme/scheme_validator.h"

namespace jixiao::scoring {
namespace {

using google::protobuf::TextFormat;

std::string SuggestionFor(absl::string_view message);

// Collects the parser's complaints as "file:line: reason".
//
// The parser reports some errors where it stands after reading the bad token:
// for `curve: COMPLETION_CURVE_CUBIC` followed by comment lines, at the next
// field. When the message quotes a token, the line given is that of the
// token's last occurrence before the reported position.
class LineErrorCollector : public google::protobuf::io::ErrorCollector {
 public:
  LineErrorCollector(absl::string_view file_name, absl::string_view text)
      : file_name_(file_name), text_(text) {}

  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    errors_.push_back(absl::StrCat(file_name_, ":", LineOfToken(line, column, message), ": ",
                                   message, SuggestionFor(message)));
  }

  const std::vector<std::string>& errors() const { return errors_; }

 private:
  // Byte offset of a 0-based (line, column), clamped to the text.
  size_t OffsetOf(int line, int column) const {
    size_t offset = 0;
    for (int l = 0; l < line && offset < text_.size(); ++l) {
      const size_t end = text_.find('\n', offset);
      if (end == absl::string_view::npos) return text_.size();
      offset = end + 1;
    }
    const size_t line_end = std::min(text_.find('\n', offset), text_.size());
    return std::min(offset + static_cast<size_t>(std::max(column, 0)), line_end);
  }

  int LineAt(size_t offset) const {
    return 1 + static_cast<int>(std::count(text_.begin(), text_.begin() + offset, '\n'));
  }

  int LineOfToken(int line, int column, absl::string_view message) const {
    if (line < 0) return 1;
    // The first quoted token the text holds is the offending one: the value in
    // "Unknown enumeration value of "X" for field "curve"", the field in
    // "Message type "jixiao.v1.Scheme" has no field named "x"".
    const absl::string_view before = text_.substr(0, OffsetOf(line, column));
    for (size_t open = message.find('"'); open != absl::string_view::npos;) {
      const size_t close = message.find('"', open + 1);
      if (close == absl::string_view::npos) break;
      const absl::string_view token = message.substr(open + 1, close - open - 1);
      const size_t at = token.empty() ? absl::string_view::npos : before.rfind(token);
      if (at != absl::string_view::npos) return LineAt(at);
      open = message.find('"', close + 1);
    }
    return line + 1;
  }

  std::string file_name_;
  absl::string_view text_;
  std::vector<std::string> errors_;
};

// The quoted tokens of a parser message, in order: "X" and "Y" of
// `Message type "X" has no field named "Y".`
std::vector<std::string> QuotedTokens(absl::string_view message) {
  std::vector<std::string> tokens;
  for (size_t open = message.find('"'); open != absl::string_view::npos;) {
    const size_t close = message.find('"', open + 1);
    if (close == absl::string_view::npos) break;
    tokens.emplace_back(message.substr(open + 1, close - open - 1));
    open = message.find('"', close + 1);
  }
  return tokens;
}

// A did-you-mean for the parser's two misspelling errors: an unknown field (the
// message type's field names) and an unknown enum value (the values of every
// enum a field of that name holds, in the scheme's file).
std::string SuggestionFor(absl::string_view message) {
  const std::vector<std::string> tokens = QuotedTokens(message);
  const google::protobuf::DescriptorPool* pool = google::protobuf::DescriptorPool::generated_pool();
  if (absl::StrContains(message, "has no field named") && tokens.size() >= 2) {
    const google::protobuf::Descriptor* type = pool->FindMessageTypeByName(tokens[0]);
    if (type == nullptr) return {};
    std::vector<std::string> names;
    for (int i = 0; i < type->field_count(); ++i) names.push_back(type->field(i)->name());
    return DidYouMean(tokens[1], names);
  }
  if (absl::StrContains(message, "Unknown enumeration value") && tokens.size() >= 2) {
    std::vector<std::string> values;
    const google::protobuf::FileDescriptor* file = v1::Scheme::descriptor()->file();
    for (int m = 0; m < file->message_type_count(); ++m) {
      const google::protobuf::Descriptor* type = file->message_type(m);
      const google::protobuf::FieldDescriptor* field = type->FindFieldByName(tokens[1]);
      if (field == nullptr || field->enum_type() == nullptr) continue;
      for (int v = 0; v < field->enum_type()->value_count(); ++v) {
        values.push_back(field->enum_type()->value(v)->name());
      }
    }
    return DidYouMean(tokens[0], values);
  }
  return {};
}

// "groups[0].items[2].absent_to": the path as a scheme author writes it.
std::string PathText(const FieldPath& path) {
  std::string text;
  for (const FieldStep& step : path) {
    if (step.field == nullptr) break;
    if (!text.empty()) text.push_back('.');
    absl::StrAppend(&text, step.field->name());
    if (step.index >= 0) absl::StrAppend(&text, "[", step.index, "]");
  }
  return text;
}

// The 1-based line a path was written on; for a field that was not written, the
// line of its closest written ancestor (1 for the file itself).
int LineOf(const TextFormat::ParseInfoTree& root, const FieldPath& path) {
  int line = 0;
  const TextFormat::ParseInfoTree* tree = &root;
  for (const FieldStep& step : path) {
    if (tree == nullptr || step.field == nullptr) break;
    if (step.field->is_repeated() != (step.index >= 0)) break;
    const TextFormat::ParseLocation location = tree->GetLocation(step.field, step.index);
    if (location.line < 0) break;
    line = location.line;
    tree = step.field->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE
               ? tree->GetTreeForNested(step.field, step.index)
               : nullptr;
  }
  return line + 1;
}

int IdentityLine(const TextFormat::ParseInfoTree& tree) {
  const auto* descriptor = v1::Scheme::descriptor();
  for (int number : {v1::Scheme::kVersionFieldNumber, v1::Scheme::kIdFieldNumber}) {
    const TextFormat::ParseLocation location =
        tree.GetLocation(descriptor->FindFieldByNumber(number), -1);
    if (location.line >= 0) return location.line + 1;
  }
  return 1;
}

}  // namespace

absl::StatusOr<SchemeFile> ParseSchemeFile(absl::string_view file_name, absl::string_view bytes) {
  SchemeFile file;
  file.file_name = std::string(file_name);

  LineErrorCollector errors(file_name, bytes);
  TextFormat::ParseInfoTree tree;
  TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  parser.WriteLocationsTo(&tree);
  const bool parsed = parser.ParseFromString(std::string(bytes), &file.scheme);
  if (!parsed || !errors.errors().empty()) {
    if (errors.errors().empty()) {
      return absl::InvalidArgumentError(absl::StrCat(file_name, ":1: not a scheme in text format"));
    }
    return absl::InvalidArgumentError(absl::StrJoin(errors.errors(), "\n"));
  }

  std::vector<SchemeIssue> issues = ValidateScheme(file.scheme);
  if (!file.scheme.content_hash().empty()) {
    issues.push_back(
        {{{v1::Scheme::descriptor()->FindFieldByNumber(v1::Scheme::kContentHashFieldNumber), -1}},
         "content_hash is filled by the loader and must not be written in the file"});
  }
  if (!issues.empty()) {
    std::vector<std::string> lines;
    lines.reserve(issues.size());
    for (const SchemeIssue& issue : issues) {
      const std::string field = PathText(issue.path);
      lines.push_back(absl::StrCat(file_name, ":", LineOf(tree, issue.path), ": ", issue.reason,
                                   field.empty() ? "" : absl::StrCat(" (field ", field, ")")));
    }
    return absl::InvalidArgumentError(absl::StrJoin(lines, "\n"));
  }

  file.version_line = IdentityLine(tree);
  file.scheme.set_content_hash(sha256::Sha256Hex(bytes));
  return file;
}

}  // namespace jixiao::scoring
