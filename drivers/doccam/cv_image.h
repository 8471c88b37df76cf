#pragma once
// Internal to the doccam library: OpenCV's view of our buffers, and wiping what OpenCV
// allocated for us. Not for the library's users, who never see OpenCV.

#include "drivers/base/secure_wipe.h"
#include "drivers/doccam/frame.h"

#include <opencv2/core.hpp>

namespace hall::drivers::doccam {

// A Mat over a validated image, no copy. OpenCV takes a non-const pointer; callers only read.
inline cv::Mat matOf(const ImageView& image) {
    return cv::Mat(image.height, image.width, CV_8UC3,
                   const_cast<std::uint8_t*>(image.bytes.data()), std::size_t(image.stride));
}

// Wipes and releases a Mat that OpenCV allocated (u set); one over a caller's buffer is left
// alone, it is not ours to clear.
inline void wipeMat(cv::Mat& mat) noexcept {
    if (mat.u != nullptr && mat.data != nullptr) {
        for (int y = 0; y < mat.rows; ++y)
            secureWipe(mat.ptr(y), std::size_t(mat.cols) * mat.elemSize());
    }
    mat.release();
}

} // namespace hall::drivers::doccam
