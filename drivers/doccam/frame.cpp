#include "drivers/doccam/frame.h"

#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace hall::drivers::doccam {

void validate(const ImageView& image) {
    const std::string size = std::to_string(image.width) + "x" + std::to_string(image.height);
    if (image.width <= 0 || image.height <= 0 || image.width > kMaxImageSide ||
        image.height > kMaxImageSide)
        throw std::invalid_argument("image size " + size + " is outside 1.." +
                                    std::to_string(kMaxImageSide) + " pixels a side");
    const std::size_t row = std::size_t(image.width) * kBytesPerPixel;
    if (image.stride < 0 || std::size_t(image.stride) < row)
        throw std::invalid_argument("stride " + std::to_string(image.stride) +
                                    " is shorter than a " + size + " BGR row (" +
                                    std::to_string(row) + " bytes)");
    // The last row needs only its pixels, not the padding after them.
    const std::size_t needed = std::size_t(image.stride) * std::size_t(image.height - 1) + row;
    if (image.bytes.size() < needed)
        throw std::invalid_argument("a " + size + " BGR image with stride " +
                                    std::to_string(image.stride) + " needs " +
                                    std::to_string(needed) + " bytes, the buffer has " +
                                    std::to_string(image.bytes.size()));
}

Frame makeFrame(int width, int height) {
    if (width <= 0 || height <= 0 || width > kMaxImageSide || height > kMaxImageSide)
        throw std::invalid_argument("frame size " + std::to_string(width) + "x" +
                                    std::to_string(height) + " is outside 1.." +
                                    std::to_string(kMaxImageSide) + " pixels a side");
    Frame frame;
    frame.width = width;
    frame.height = height;
    frame.stride = width * kBytesPerPixel;
    frame.bytes =
        SecureBytes(std::vector<std::uint8_t>(std::size_t(frame.stride) * std::size_t(height)));
    return frame;
}

Frame copyFrame(const ImageView& image) {
    validate(image);
    Frame frame = makeFrame(image.width, image.height);
    const std::size_t row = std::size_t(frame.stride);
    for (int y = 0; y < image.height; ++y)
        std::memcpy(frame.bytes.bytes().data() + row * std::size_t(y),
                    image.bytes.data() + std::size_t(image.stride) * std::size_t(y), row);
    return frame;
}

} // namespace hall::drivers::doccam
