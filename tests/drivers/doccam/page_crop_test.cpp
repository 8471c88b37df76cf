// The page crop on drawn photographs: the corners where the test put them, the page upright
// (its text bars level and where the sheet has them) at the sheet's aspect ratio; a desk with no
// page; buffers that do not hold the image they claim.

#include "drivers/doccam/page_crop.h"
#include "tests/drivers/doccam/synthetic_page.h"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <opencv2/imgproc.hpp>
#include <stdexcept>
#include <string>
#include <vector>

using namespace hall::drivers::doccam;
using hall::testing::matOf;
using hall::testing::PhotographedPage;
using hall::testing::photographPage;
using hall::testing::Shot;
using hall::testing::viewOf;

namespace {

double cornerError(const Corners& found, const std::array<cv::Point2d, 4>& expected) {
    double worst = 0;
    for (std::size_t i = 0; i < 4; ++i)
        worst = std::max(worst, std::hypot(found[i].x - expected[i].x, found[i].y - expected[i].y));
    return worst;
}

// The row, within the band where a bar should be, at which a column range of the page is
// darkest on average (its centre of darkness): equal at both ends when the bar is level.
double darkRow(const cv::Mat& grey, int x0, int x1, int y0, int y1) {
    double weight = 0, sum = 0;
    for (int y = std::max(0, y0); y < std::min(grey.rows, y1); ++y) {
        const double darkness = 255 - cv::mean(grey(cv::Range(y, y + 1), cv::Range(x0, x1)))[0];
        const double w = std::max(0.0, darkness - 60); // paper, ignored
        weight += w;
        sum += w * y;
    }
    return weight > 0 ? sum / weight : -1;
}

// Checks the cropped page against the sheet that was photographed.
void checkUpright(const Frame& page, const PhotographedPage& shot) {
    const double aspect = double(page.width) / page.height;
    const double expected = double(shot.sheet.width) / shot.sheet.height;
    CHECK(aspect == doctest::Approx(expected).epsilon(0.02));

    cv::Mat grey;
    cv::cvtColor(matOf(page), grey, cv::COLOR_BGR2GRAY);
    const double sx = double(page.width) / shot.sheet.width;
    const double sy = double(page.height) / shot.sheet.height;
    for (const cv::Rect& bar : shot.bars) {
        const int x0 = int(bar.x * sx), x1 = int((bar.x + bar.width) * sx);
        const int y0 = int(bar.y * sy), y1 = int((bar.y + bar.height) * sy);
        const int quarter = (x1 - x0) / 4;
        CAPTURE(bar.y);
        // Dark where the bar is, paper right above it.
        const cv::Rect inside(x0 + quarter, y0 + 3, 2 * quarter, std::max(1, y1 - y0 - 6));
        CHECK(cv::mean(grey(inside))[0] < 90);
        const cv::Rect above(x0 + quarter, y0 - int(16 * sy), 2 * quarter, int(8 * sy));
        CHECK(cv::mean(grey(above))[0] > 180);
        // Level: the bar's left and right ends sit on the same row.
        const double left = darkRow(grey, x0 + 4, x0 + quarter, y0 - 15, y1 + 15);
        const double right = darkRow(grey, x1 - quarter, x1 - 4, y0 - 15, y1 + 15);
        CHECK(left > 0);
        CHECK(std::abs(left - right) < 1.5);
        CHECK(std::abs((left + right) / 2 - (y0 + y1) / 2.0) < 3);
    }
    // No desk in the corners: the crop ends at the sheet's edge.
    const cv::Scalar& paper = shot.paper;
    const double paperGrey = 0.114 * paper[0] + 0.587 * paper[1] + 0.299 * paper[2];
    for (const cv::Point corner :
         {cv::Point(2, 2), cv::Point(page.width - 8, 2), cv::Point(page.width - 8, page.height - 8),
          cv::Point(2, page.height - 8)}) {
        CAPTURE(corner);
        CHECK(std::abs(cv::mean(grey(cv::Rect(corner, cv::Size(6, 6))))[0] - paperGrey) < 15);
    }
}

} // namespace

TEST_CASE("a tilted page in perspective is found at its corners and comes out upright") {
    const PhotographedPage shot = photographPage();
    const PageCrop crop = cropPage(viewOf(shot.image));
    REQUIRE(crop.found());
    CHECK(crop.detection == PageDetection::Quadrilateral);
    CHECK(cornerError(crop.corners, shot.corners) < 2.0);
    // At the sheet's own resolution in the frame (980 pixels high, less the far side's
    // foreshortening).
    CHECK(crop.page.height == doctest::Approx(980).epsilon(0.03));
    checkUpright(crop.page, shot);
}

TEST_CASE("rows padded past the pixels (a stride) give the same page") {
    const PhotographedPage shot = photographPage();
    const int stride = shot.image.cols * 3 + 64;
    std::vector<std::uint8_t> padded(std::size_t(stride) * shot.image.rows, 0xEE);
    for (int y = 0; y < shot.image.rows; ++y)
        std::copy_n(shot.image.ptr(y), shot.image.cols * 3,
                    padded.data() + std::size_t(stride) * y);
    const PageCrop crop = cropPage({padded, shot.image.cols, shot.image.rows, stride});
    REQUIRE(crop.found());
    CHECK(cornerError(crop.corners, shot.corners) < 3.0);
    checkUpright(crop.page, shot);
}

TEST_CASE("the other way round, steeper, and on a frame four times as big") {
    SUBCASE("turned the other way") {
        Shot turned;
        turned.angleDegrees = -20;
        turned.perspective = 0.05;
        turned.sheetHeight = 900;
        const PhotographedPage shot = photographPage(turned);
        const PageCrop crop = cropPage(viewOf(shot.image));
        REQUIRE(crop.found());
        CHECK(cornerError(crop.corners, shot.corners) < 3.0);
        checkUpright(crop.page, shot);
    }
    SUBCASE("searched on a scaled copy, warped at full resolution") {
        Shot big;
        big.frame = {3200, 2400};
        big.sheetHeight = 1960;
        const PhotographedPage shot = photographPage(big);
        const PageCrop crop = cropPage(viewOf(shot.image));
        REQUIRE(crop.found());
        CHECK(cornerError(crop.corners, shot.corners) < 5.0);
        CHECK(crop.page.height == doctest::Approx(1960).epsilon(0.03));
        checkUpright(crop.page, shot);
    }
}

TEST_CASE("a greyish form on a white desk is found by its edges") {
    Shot light;
    light.desk = 228;
    light.paper = cv::Scalar(200, 214, 222); // recycled paper, darker than the desk
    const PhotographedPage shot = photographPage(light);
    const PageCrop crop = cropPage(viewOf(shot.image));
    REQUIRE(crop.found());
    CHECK(crop.detection == PageDetection::Quadrilateral);
    CHECK(cornerError(crop.corners, shot.corners) < 3.0);
    checkUpright(crop.page, shot);
}

TEST_CASE("a page with a corner covered falls back to the rectangle around it") {
    Shot flat;
    flat.perspective = 0;
    PhotographedPage shot = photographPage(flat);
    // A hand, dark, over the bottom-right corner.
    cv::circle(shot.image, cv::Point(shot.corners[2]), 150, cv::Scalar(60, 70, 90), cv::FILLED);
    const PageCrop crop = cropPage(viewOf(shot.image));
    REQUIRE(crop.found());
    CHECK(crop.detection == PageDetection::MinAreaRect);
    CHECK(cornerError(crop.corners, shot.corners) < 6.0);
    CHECK(double(crop.page.width) / crop.page.height ==
          doctest::Approx(double(shot.sheet.width) / shot.sheet.height).epsilon(0.02));
}

TEST_CASE("no page on the desk: not found, the whole frame unchanged") {
    const cv::Mat desk = hall::testing::emptyDesk();
    const PageCrop crop = cropPage(viewOf(desk));
    CHECK_FALSE(crop.found());
    CHECK(crop.detection == PageDetection::NotFound);
    CHECK(detectionName(crop.detection) == "not_found");
    CHECK(crop.corners[0].x == 0);
    CHECK(crop.corners[0].y == 0);
    CHECK(crop.corners[2].x == desk.cols - 1);
    CHECK(crop.corners[2].y == desk.rows - 1);
    REQUIRE(crop.page.width == desk.cols);
    REQUIRE(crop.page.height == desk.rows);
    CHECK(cv::norm(matOf(crop.page), desk, cv::NORM_INF) == 0);

    const cv::Mat blank(1200, 1600, CV_8UC3, cv::Scalar(128, 128, 128));
    CHECK_FALSE(findPage(viewOf(blank)).found());
}

TEST_CASE("a page too small for the options is not a page") {
    Shot small;
    small.sheetHeight = 300; // about 4% of the frame
    const PhotographedPage shot = photographPage(small);
    CHECK(findPage(viewOf(shot.image)).found() == false);
    CropOptions lenient;
    lenient.minPageFraction = 0.02;
    CHECK(findPage(viewOf(shot.image), lenient).found());
}

TEST_CASE("an output cap keeps the aspect ratio") {
    const PhotographedPage shot = photographPage();
    CropOptions capped;
    capped.maxOutputSide = 500;
    const PageCrop crop = cropPage(viewOf(shot.image), capped);
    CHECK(crop.page.height == 500);
    CHECK(double(crop.page.width) / crop.page.height ==
          doctest::Approx(double(shot.sheet.width) / shot.sheet.height).epsilon(0.02));
}

TEST_CASE("corners are ordered from the top-left, clockwise on screen") {
    const Corners shuffled = {PointF{900, 1000}, PointF{100, 120}, PointF{120, 980},
                              PointF{880, 90}};
    const Corners ordered = orderCorners(shuffled);
    CHECK(ordered[0].x == 100);
    CHECK(ordered[1].x == 880);
    CHECK(ordered[2].x == 900);
    CHECK(ordered[3].x == 120);
}

TEST_CASE("a buffer that does not hold the image it claims is refused, clearly") {
    std::vector<std::uint8_t> bytes(100 * 50 * 3, 0);
    const std::span<const std::uint8_t> all(bytes);
    auto message = [](const ImageView& view) {
        try {
            cropPage(view);
        } catch (const std::invalid_argument& error) {
            return std::string(error.what());
        }
        return std::string("accepted");
    };
    CHECK(message({all, 100, 50, 300}) == "accepted");
    CHECK(message({all.first(all.size() - 1), 100, 50, 300}).find("needs 15000 bytes") !=
          std::string::npos);
    CHECK(message({all, 100, 50, 299}).find("stride 299") != std::string::npos);
    CHECK(message({all, 100, 50, 320}).find("needs 15980 bytes") != std::string::npos);
    CHECK(message({all, 0, 50, 300}).find("image size 0x50") != std::string::npos);
    CHECK(message({all, -4, 50, 300}).find("image size") != std::string::npos);
    CHECK(message({{}, 100, 50, 300}).find("the buffer has 0") != std::string::npos);
    CHECK(message({all, 100000, 1, 300000}).find("outside") != std::string::npos);
    CHECK_THROWS_AS(warpPage({all, 100, 50, 300}, Corners{}), std::invalid_argument);
    CropOptions impossible;
    impossible.minPageFraction = 2;
    CHECK_THROWS_AS(findPage({all, 100, 50, 300}, impossible), std::invalid_argument);
}
