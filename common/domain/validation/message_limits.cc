#include "common/domain/validation/message_limits.h"

#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"

namespace jixiao::validation {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// Finite numbers beyond this are no measure of anything a department does.
constexpr double kMaxNumber = 1e15;

// Walks every field set, in one pass, keeping the path of the field being read in one
// string that grows and shrinks as the walk goes down and up.
class LimitWalker {
 public:
  FieldViolations Walk(const Message& message) {
    WalkMessage(message, 1);
    return violations_.Take();
  }

 private:
  void WalkMessage(const Message& message, int depth) {
    const Reflection& reflection = *message.GetReflection();
    std::vector<const FieldDescriptor*> fields;
    reflection.ListFields(message, &fields);
    for (const FieldDescriptor* field : fields) {
      const size_t mark = path_.size();
      absl::StrAppend(&path_, path_.empty() ? "" : ".", field->name());
      if (!field->is_repeated()) {
        WalkValue(message, *field, -1, depth);
      } else if (const int size = reflection.FieldSize(message, field); size > kMaxListLength) {
        violations_.Add(path_, absl::StrCat("holds ", size, " entries, more than the limit of ",
                                            kMaxListLength));
      } else {
        const size_t element_mark = path_.size();
        for (int i = 0; i < size; ++i) {
          absl::StrAppend(&path_, "[", i, "]");
          WalkValue(message, *field, i, depth);
          path_.resize(element_mark);
        }
      }
      path_.resize(mark);
    }
  }

  // The field's value, or its element `index` when it is repeated.
  void WalkValue(const Message& message, const FieldDescriptor& field, int index, int depth) {
    const Reflection& reflection = *message.GetReflection();
    const bool repeated = index >= 0;
    switch (field.cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING: {
        std::string scratch;
        const std::string& text =
            repeated ? reflection.GetRepeatedStringReference(message, &field, index, &scratch)
                     : reflection.GetStringReference(message, &field, &scratch);
        if (text.size() > kMaxStringBytes) {
          violations_.Add(path_, absl::StrCat("is ", text.size(), " bytes, more than the limit of ",
                                              kMaxStringBytes));
        }
        break;
      }
      case FieldDescriptor::CPPTYPE_DOUBLE:
      case FieldDescriptor::CPPTYPE_FLOAT: {
        const double number = field.cpp_type() == FieldDescriptor::CPPTYPE_DOUBLE
                                  ? (repeated ? reflection.GetRepeatedDouble(message, &field, index)
                                              : reflection.GetDouble(message, &field))
                                  : (repeated ? reflection.GetRepeatedFloat(message, &field, index)
                                              : reflection.GetFloat(message, &field));
        if (!std::isfinite(number)) {
          violations_.Add(path_, "must be a finite number");
        } else if (std::abs(number) > kMaxNumber) {
          violations_.Add(path_, absl::StrCat("must be within ±", kMaxNumber, ", got ", number));
        }
        break;
      }
      case FieldDescriptor::CPPTYPE_INT64:
        if (field.containing_type()->full_name() == "jixiao.v1.Money") {
          const int64_t fen = repeated ? reflection.GetRepeatedInt64(message, &field, index)
                                       : reflection.GetInt64(message, &field);
          if (fen > kMaxMoneyFen || fen < -kMaxMoneyFen) {
            violations_.Add(path_, absl::StrCat("must be within ±", kMaxMoneyFen,
                                                " 分 (100 trillion yuan), got ", fen));
          }
        }
        break;
      case FieldDescriptor::CPPTYPE_MESSAGE: {
        if (depth >= kMaxNestingDepth) {
          violations_.Add(
              path_, absl::StrCat("nests messages deeper than the limit of ", kMaxNestingDepth));
          break;
        }
        WalkMessage(repeated ? reflection.GetRepeatedMessage(message, &field, index)
                             : reflection.GetMessage(message, &field),
                    depth + 1);
        break;
      }
      default:
        break;
    }
  }

  std::string path_;
  ViolationCollector violations_;
};

}  // namespace

FieldViolations CheckMessageLimits(const google::protobuf::Message& message) {
  return LimitWalker().Walk(message);
}

}  // namespace jixiao::validation
