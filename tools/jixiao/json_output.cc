#include "tools/jixiao/json_output.h"

#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/type_resolver.h"
#include "google/protobuf/util/type_resolver_util.h"

namespace jixiao::cli {
namespace {

constexpr char kTypeUrlPrefix[] = "type.googleapis.com";

// Resolves the compiled-in message types; built once and never freed, as
// protobuf's own MessageToJsonString does.
google::protobuf::util::TypeResolver* GeneratedTypeResolver() {
  static auto* const resolver = google::protobuf::util::NewTypeResolverForDescriptorPool(
      kTypeUrlPrefix, google::protobuf::DescriptorPool::generated_pool());
  return resolver;
}

}  // namespace

std::string ToStableJson(const google::protobuf::Message& message, JsonLayout layout) {
  std::string binary;
  {
    google::protobuf::io::StringOutputStream stream(&binary);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    message.SerializeToCodedStream(&coded);
  }
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = layout == JsonLayout::kIndented;
  options.preserve_proto_field_names = true;
  std::string json;
  const auto status = google::protobuf::util::BinaryToJsonString(
      GeneratedTypeResolver(),
      std::string(kTypeUrlPrefix) + "/" + message.GetDescriptor()->full_name(), binary, &json,
      options);
  // A message that was just serialized always converts; should it not, say so
  // in the output rather than print nothing.
  if (!status.ok()) return "{\"error\": \"cannot print as JSON\"}\n";
  // Indented output ends in a newline and one-line output does not; both end in
  // exactly one here, so a caller prints them the same way.
  while (!json.empty() && json.back() == '\n') json.pop_back();
  return json + "\n";
}

}  // namespace jixiao::cli
