#pragma once
// A picture from the document camera, or a page cut out of one: 8-bit BGR (the byte order
// OpenCV works in), rows top to bottom, each row `stride` bytes after the previous one (GStreamer
// pads rows to four bytes, so stride may exceed width * 3). What the camera sees is a citizen's
// paper, so a Frame keeps its pixels in SecureBytes: move-only, wiped when released.

#include "drivers/base/secure_wipe.h"

#include <cstdint>
#include <span>

namespace hall::drivers::doccam {

inline constexpr int kBytesPerPixel = 3;
inline constexpr int kMaxImageSide = 16384;

// Pixels owned by someone else (a Frame, a QImage, a benchmark's buffer).
struct ImageView {
    std::span<const std::uint8_t> bytes;
    int width = 0;
    int height = 0;
    int stride = 0;
};

// Throws std::invalid_argument saying what does not fit (size, stride, buffer length), so a
// malformed buffer is refused before any library reads past its end.
void validate(const ImageView& image);

struct Frame {
    int width = 0;
    int height = 0;
    int stride = 0;
    SecureBytes bytes;
    std::uint64_t sequence = 0; // the source's frame counter from its start; 0 for made frames

    ImageView view() const { return {bytes.bytes(), width, height, stride}; }
    bool empty() const { return bytes.empty(); }
};

// A blank frame of the given size, rows packed (stride = width * 3).
Frame makeFrame(int width, int height);
// A copy of a valid image with packed rows.
Frame copyFrame(const ImageView& image);

} // namespace hall::drivers::doccam
