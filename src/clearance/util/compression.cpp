#include "clearance/util/compression.h"

#include <fmt/format.h>
#include <zstd.h>

#include <new>
#include <stdexcept>

namespace clearance {

std::string zstd_compress(std::string_view text, int level) {
  ZstdFrameWriter frame(text.size(), level);
  frame.add(text);
  return frame.finish();
}

ZstdFrameWriter::ZstdFrameWriter(size_t size, int level)
    : context_(ZSTD_createCCtx()),
      frame_(new char[ZSTD_compressBound(size)]),
      capacity_(ZSTD_compressBound(size)) {
  if (!context_) throw std::bad_alloc();
  auto* cctx = static_cast<ZSTD_CCtx*>(context_);
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, level);
  ZSTD_CCtx_setPledgedSrcSize(cctx, size);  // written in the frame: the reader sizes its buffer
}

ZstdFrameWriter::~ZstdFrameWriter() {
  ZSTD_freeCCtx(static_cast<ZSTD_CCtx*>(context_));
}

void ZstdFrameWriter::add(std::string_view piece) {
  ZSTD_inBuffer in{piece.data(), piece.size(), 0};
  while (in.pos < in.size) {
    ZSTD_outBuffer out{frame_.get(), capacity_, used_};
    const size_t r =
        ZSTD_compressStream2(static_cast<ZSTD_CCtx*>(context_), &out, &in, ZSTD_e_continue);
    if (ZSTD_isError(r)) throw std::logic_error(ZSTD_getErrorName(r));
    used_ = out.pos;
  }
}

std::string ZstdFrameWriter::finish() {
  ZSTD_inBuffer in{nullptr, 0, 0};
  for (;;) {
    ZSTD_outBuffer out{frame_.get(), capacity_, used_};
    const size_t left =
        ZSTD_compressStream2(static_cast<ZSTD_CCtx*>(context_), &out, &in, ZSTD_e_end);
    if (ZSTD_isError(left)) throw std::logic_error(ZSTD_getErrorName(left));
    used_ = out.pos;
    if (left == 0) break;
  }
  return std::string(frame_.get(), used_);
}

Result<std::string> zstd_decompress(std::string_view frame, size_t max_size) {
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
    return make_error(ErrorCode::format, "not a zstd frame with its size");
  if (size > max_size)
    return make_error(ErrorCode::format,
                      fmt::format("a zstd frame says it holds {} bytes, over {}", size, max_size));
  std::string text(static_cast<size_t>(size), '\0');
  const size_t got = ZSTD_decompress(text.data(), text.size(), frame.data(), frame.size());
  if (ZSTD_isError(got))
    return make_error(ErrorCode::format, fmt::format("zstd: {}", ZSTD_getErrorName(got)));
  if (got != text.size())
    return make_error(ErrorCode::format,
                      fmt::format("a zstd frame held {} bytes, not the {} it says", got, size));
  return text;
}

}  // namespace clearance
