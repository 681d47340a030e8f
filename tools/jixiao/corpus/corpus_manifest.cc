#include "tools/jixiao/corpus/corpus_manifest.h"

#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace jixiao::corpus {
namespace {

using google::protobuf::Value;

absl::StatusOr<std::string> StringField(const google::protobuf::Struct& s, const std::string& key,
                                        bool required, const std::string& where) {
  const auto it = s.fields().find(key);
  if (it == s.fields().end()) {
    if (required)
      return absl::InvalidArgumentError(absl::StrCat(where, ": \"", key, "\" is required"));
    return std::string();
  }
  if (it->second.kind_case() != Value::kStringValue) {
    return absl::InvalidArgumentError(absl::StrCat(where, ": \"", key, "\" must be a string"));
  }
  return it->second.string_value();
}

absl::StatusOr<jixiao::v1::AdministrativeLevel> Level(const std::string& text,
                                                      const std::string& where) {
  jixiao::v1::AdministrativeLevel level = jixiao::v1::ADMINISTRATIVE_LEVEL_UNSPECIFIED;
  if (!text.empty() && (!jixiao::v1::AdministrativeLevel_Parse(
                            "ADMINISTRATIVE_LEVEL_" + absl::AsciiStrToUpper(text), &level) ||
                        level == jixiao::v1::ADMINISTRATIVE_LEVEL_UNSPECIFIED)) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": \"level\" must be province, city, district, county or township"));
  }
  return level;
}

absl::StatusOr<CorpusEntry> Entry(const google::protobuf::Struct& s, int index) {
  static const auto* const kKnown = new std::set<std::string>{
      "file",          "kind",  "form",        "place", "department_code", "department_name",
      "district_name", "level", "sector_tags", "year",  "year_note",       "scheme"};
  const std::string where = absl::StrCat("tables[", index, "]");
  for (const auto& [key, value] : s.fields()) {
    if (kKnown->count(key) == 0) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": unknown field \"", key, "\""));
    }
  }
  CorpusEntry entry;
  std::string level;
  struct Text {
    const char* key;
    bool required;
    std::string* out;
  };
  for (const Text& t :
       {Text{"file", true, &entry.file}, Text{"kind", true, &entry.kind},
        Text{"form", false, &entry.form}, Text{"place", false, &entry.place},
        Text{"scheme", false, &entry.scheme}, Text{"year_note", false, &entry.year_note},
        Text{"department_code", true, &entry.identity.department_code},
        Text{"department_name", false, &entry.identity.department_name},
        Text{"district_name", false, &entry.identity.district_name},
        Text{"level", false, &level}}) {
    auto value = StringField(s, t.key, t.required, where);
    if (!value.ok()) return value.status();
    *t.out = *std::move(value);
  }
  if (entry.kind != "project-self-evaluation" && entry.kind != "project-targets") {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": \"kind\" must be project-self-evaluation or project-targets"));
  }
  if (entry.scheme.empty()) entry.scheme = kDefaultCorpusScheme;
  auto parsed_level = Level(level, where);
  if (!parsed_level.ok()) return parsed_level.status();
  entry.identity.level = *parsed_level;
  if (const auto it = s.fields().find("year"); it != s.fields().end()) {
    if (it->second.kind_case() != Value::kNumberValue || it->second.number_value() < 1) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": \"year\" must be a number"));
    }
    entry.identity.year = static_cast<int>(it->second.number_value());
  }
  if (const auto it = s.fields().find("sector_tags"); it != s.fields().end()) {
    if (it->second.kind_case() != Value::kListValue) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": \"sector_tags\" must be a list"));
    }
    for (const Value& tag : it->second.list_value().values()) {
      entry.identity.sector_tags.push_back(tag.string_value());
    }
  }
  return entry;
}

}  // namespace

absl::StatusOr<std::vector<CorpusEntry>> ParseCorpusManifest(absl::string_view json) {
  google::protobuf::Struct root;
  const auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), &root);
  if (!status.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("manifest: ", status.ToString()));
  }
  const auto tables = root.fields().find("tables");
  if (tables == root.fields().end() || tables->second.kind_case() != Value::kListValue) {
    return absl::InvalidArgumentError("manifest: \"tables\" must be a list");
  }
  std::vector<CorpusEntry> entries;
  int index = 0;
  for (const Value& value : tables->second.list_value().values()) {
    if (value.kind_case() != Value::kStructValue) {
      return absl::InvalidArgumentError(absl::StrCat("tables[", index, "] must be an object"));
    }
    auto entry = Entry(value.struct_value(), index++);
    if (!entry.ok()) return entry.status();
    entries.push_back(*std::move(entry));
  }
  return entries;
}

}  // namespace jixiao::corpus
