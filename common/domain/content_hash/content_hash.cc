#include "common/domain/content_hash/content_hash.h"

#include "common/domain/content_hash/sha256.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"

namespace jixiao::content_hash {

std::string ContentHash(const google::protobuf::MessageLite& message) {
  std::string bytes;
  {
    // The coded stream flushes into `bytes` when it goes out of scope.
    google::protobuf::io::StringOutputStream output(&bytes);
    google::protobuf::io::CodedOutputStream coded(&output);
    coded.SetSerializationDeterministic(true);
    // Fails only past protobuf's 2 GiB limit, far beyond the largest request
    // the server accepts; the hash of what was written is still well defined.
    (void)message.SerializeToCodedStream(&coded);
  }
  return sha256::Sha256Hex(bytes);
}

}  // namespace jixiao::content_hash
