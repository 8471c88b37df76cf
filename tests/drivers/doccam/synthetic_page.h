#pragma once
// A "photographed page" drawn for the tests, with the truth about it: an A4 sheet (white, a
// black frame, a title bar and lines of text-like bars) laid on a dark desk, turned and seen in
// mild perspective, softened and grainy like a camera frame. The tests know where its corners
// went and where each bar sits on the sheet.

#include "drivers/doccam/frame.h"

#include <array>
#include <opencv2/core.hpp>
#include <vector>

namespace hall::testing {

struct PhotographedPage {
    cv::Mat image;                      // BGR, the frame size asked for
    std::array<cv::Point2d, 4> corners; // the sheet's corners in it: TL, TR, BR, BL
    cv::Size sheet;                     // the sheet as drawn, before it was photographed
    std::vector<cv::Rect> bars;         // the text-like bars on the sheet
    cv::Scalar paper;                   // the sheet's colour
};

struct Shot {
    double angleDegrees = 12;
    double perspective = 0.03; // the far (top) edge this much shorter, the near one longer
    cv::Size frame{1600, 1200};
    double sheetHeight = 980; // the sheet's height in the frame, pixels
    double desk = 38;         // the desk's brightness (a dark mat), rising by 22 to the right
    cv::Scalar paper{242, 244, 245};
};

PhotographedPage photographPage(const Shot& shot = {});

// The same desk with no sheet on it: a pen and a few small papers' worth of clutter at most.
cv::Mat emptyDesk(cv::Size frame = {1600, 1200});

inline drivers::doccam::ImageView viewOf(const cv::Mat& image) {
    return {{image.data, image.step[0] * std::size_t(image.rows)},
            image.cols,
            image.rows,
            int(image.step[0])};
}

inline cv::Mat matOf(const drivers::doccam::Frame& frame) {
    return cv::Mat(frame.height, frame.width, CV_8UC3,
                   const_cast<std::uint8_t*>(frame.bytes.bytes().data()),
                   std::size_t(frame.stride));
}

} // namespace hall::testing
