#pragma once

// Assembles explanation text from pieces (text, whole numbers, and the figures
// of number_text.h) in one pass: each figure is printed into a buffer on the
// stack, the total length is reserved once, and the pieces are appended. The
// scorecard's hundreds of sentences are thus built without temporary strings.
//
//   AppendText(explanation, "得 ", Figure{points, decimals}, " 分（满分 ", Figure{max}, " 分）");

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstring>
#include <string>
#include <type_traits>

#include "absl/strings/string_view.h"
#include "services/scoring/engine/explanation/number_text.h"

namespace jixiao::scoring {
namespace explanation_internal {

// One piece, as text: a view of the caller's text, or printed into `buffer`.
// Its constructors are implicit on purpose: AppendText takes pieces as they are.
class PieceText {
 public:
  PieceText(absl::string_view text) : data_(text.data()), size_(text.size()) {}
  PieceText(const std::string& text) : data_(text.data()), size_(text.size()) {}
  PieceText(const char* text) : PieceText(absl::string_view(text)) {}
  template <typename Integer, typename = std::enable_if_t<std::is_integral_v<Integer> &&
                                                          !std::is_same_v<Integer, bool> &&
                                                          !std::is_same_v<Integer, char>>>
  PieceText(Integer number) {
    size_ = static_cast<size_t>(std::to_chars(buffer_, buffer_ + sizeof(buffer_), number).ptr -
                                buffer_);
  }
  PieceText(Figure figure) : size_(PrintFigure(figure.value, figure.decimals, buffer_)) {}
  PieceText(Percent percent) : size_(PrintFigure(percent.percent, 2, buffer_)) {
    buffer_[size_++] = '%';
  }
  PieceText(Share share) : PieceText(Percent{share.fraction * 100}) {}

  // Floating point must say how it prints: Figure, Percent or Share.
  PieceText(double) = delete;

  PieceText(const PieceText&) = delete;
  PieceText& operator=(const PieceText&) = delete;

  const char* data() const { return data_ != nullptr ? data_ : buffer_; }
  size_t size() const { return size_; }

 private:
  const char* data_ = nullptr;  // null: the text is in buffer_
  size_t size_ = 0;
  char buffer_[kFigureBufferSize + 1];  // a figure and its '%'
};

template <size_t N>
void AppendPieces(std::string& out, const PieceText (&pieces)[N]) {
  const size_t start = out.size();
  size_t size = start;
  for (const PieceText& piece : pieces) size += piece.size();
  // Grown geometrically, as append would: sentences are built piece by piece.
  if (size > out.capacity()) out.reserve(std::max(size, 2 * out.capacity()));
  // One resize, then the pieces copied in place: cheaper than an append each.
  out.resize(size);
  char* next = &out[start];
  for (const PieceText& piece : pieces) {
    std::memcpy(next, piece.data(), piece.size());
    next += piece.size();
  }
}

}  // namespace explanation_internal

template <typename... Pieces>
void AppendText(std::string& out, const Pieces&... pieces) {
  const explanation_internal::PieceText texts[] = {pieces...};
  explanation_internal::AppendPieces(out, texts);
}

template <typename... Pieces>
std::string Text(const Pieces&... pieces) {
  std::string out;
  AppendText(out, pieces...);
  return out;
}

}  // namespace jixiao::scoring
