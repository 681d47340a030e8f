#include "services/query/logic/scorecard_wire.h"

#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/wire_format_lite.h"

namespace jixiao::query {
namespace {

using google::protobuf::internal::WireFormatLite;

// Field numbers of the messages read and written here (cache.proto,
// scorecard.proto, query_service.proto).
constexpr int kCachedScoreCardField = 1;
constexpr int kCachedComputedAtField = 2;
constexpr int kScoreCardReportField = 1;
constexpr int kResponseScoreCardField = 1;
constexpr int kResponseFreshnessField = 2;

// The bytes of the first length-delimited field `number` at the top level of
// a message; nullopt when absent or malformed.
std::optional<absl::string_view> FindLengthDelimited(absl::string_view message, int number) {
  google::protobuf::io::CodedInputStream in(reinterpret_cast<const uint8_t*>(message.data()),
                                            static_cast<int>(message.size()));
  while (true) {
    const uint32_t tag = in.ReadTag();
    if (tag == 0) return std::nullopt;
    if (WireFormatLite::GetTagFieldNumber(tag) == number &&
        WireFormatLite::GetTagWireType(tag) == WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
      uint32_t length = 0;
      if (!in.ReadVarint32(&length)) return std::nullopt;
      const int offset = in.CurrentPosition();
      if (static_cast<size_t>(offset) + length > message.size()) return std::nullopt;
      return message.substr(static_cast<size_t>(offset), length);
    }
    if (!WireFormatLite::SkipField(&in, tag)) return std::nullopt;
  }
}

}  // namespace

std::optional<CachedCardWire> ReadCachedCardWire(absl::string_view cached) {
  CachedCardWire wire;
  bool has_scorecard = false;
  google::protobuf::io::CodedInputStream in(reinterpret_cast<const uint8_t*>(cached.data()),
                                            static_cast<int>(cached.size()));
  while (uint32_t tag = in.ReadTag()) {
    const int number = WireFormatLite::GetTagFieldNumber(tag);
    const auto type = WireFormatLite::GetTagWireType(tag);
    if (number == kCachedScoreCardField && type == WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
      uint32_t length = 0;
      if (!in.ReadVarint32(&length)) return std::nullopt;
      const int offset = in.CurrentPosition();
      if (static_cast<size_t>(offset) + length > cached.size() ||
          !in.Skip(static_cast<int>(length))) {
        return std::nullopt;
      }
      wire.scorecard = cached.substr(static_cast<size_t>(offset), length);
      has_scorecard = true;
    } else if (number == kCachedComputedAtField && type == WireFormatLite::WIRETYPE_VARINT) {
      uint64_t value = 0;
      if (!in.ReadVarint64(&value)) return std::nullopt;
      wire.computed_at_unix_ms = static_cast<int64_t>(value);
    } else if (!WireFormatLite::SkipField(&in, tag)) {
      return std::nullopt;
    }
  }
  if (!in.ConsumedEntireMessage() || !has_scorecard) return std::nullopt;
  if (std::optional<absl::string_view> report =
          FindLengthDelimited(wire.scorecard, kScoreCardReportField)) {
    if (!wire.report.ParseFromArray(report->data(), static_cast<int>(report->size()))) {
      return std::nullopt;
    }
  }
  return wire;
}

std::string GetScoreCardResponseWire(absl::string_view scorecard,
                                     const jixiao::v1::Freshness& freshness) {
  std::string out;
  const std::string freshness_bytes = freshness.SerializeAsString();
  out.reserve(scorecard.size() + freshness_bytes.size() + 12);
  google::protobuf::io::StringOutputStream stream(&out);
  google::protobuf::io::CodedOutputStream coded(&stream);
  WireFormatLite::WriteTag(kResponseScoreCardField, WireFormatLite::WIRETYPE_LENGTH_DELIMITED,
                           &coded);
  coded.WriteVarint32(static_cast<uint32_t>(scorecard.size()));
  coded.WriteRaw(scorecard.data(), static_cast<int>(scorecard.size()));
  WireFormatLite::WriteTag(kResponseFreshnessField, WireFormatLite::WIRETYPE_LENGTH_DELIMITED,
                           &coded);
  coded.WriteVarint32(static_cast<uint32_t>(freshness_bytes.size()));
  coded.WriteRaw(freshness_bytes.data(), static_cast<int>(freshness_bytes.size()));
  coded.Trim();
  return out;
}

}  // namespace jixiao::query
