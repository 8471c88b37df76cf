#include "tests/drivers/doccam/synthetic_page.h"

#include <cmath>
#include <opencv2/imgproc.hpp>

namespace hall::testing {
namespace {

// A4 at 4 pixels per millimetre.
const cv::Size kSheet{840, 1188};

cv::Mat drawSheet(const cv::Scalar& paper, std::vector<cv::Rect>& bars) {
    cv::Mat sheet(kSheet, CV_8UC3, paper);
    cv::rectangle(sheet, cv::Rect(40, 40, kSheet.width - 80, kSheet.height - 80),
                  cv::Scalar(20, 20, 20), 6);
    bars.emplace_back(160, 110, 520, 34); // the title
    for (int line = 0; line < 13; ++line) {
        // Ragged right ends, as lines of text have.
        const int right = 560 + (line * 53) % 180;
        bars.emplace_back(100, 220 + line * 70, right - 100, 18);
    }
    for (const cv::Rect& bar : bars)
        cv::rectangle(sheet, bar, cv::Scalar(25, 25, 30), cv::FILLED);
    return sheet;
}

cv::Mat drawDesk(cv::Size frame, double brightness) {
    cv::Mat desk(frame, CV_32FC3);
    // Lit a little more on one side.
    for (int y = 0; y < frame.height; ++y)
        for (int x = 0; x < frame.width; ++x) {
            const float light = float(brightness) + 22.0f * float(x) / float(frame.width);
            desk.at<cv::Vec3f>(y, x) = cv::Vec3f(light + 6, light + 2, light);
        }
    return desk;
}

cv::Mat finish(const cv::Mat& scene) {
    cv::Mat soft;
    cv::GaussianBlur(scene, soft, cv::Size(0, 0), 0.8);
    cv::Mat grain(scene.size(), CV_32FC3);
    cv::RNG rng(20240611);
    rng.fill(grain, cv::RNG::NORMAL, 0, 3);
    cv::Mat photo;
    cv::Mat(soft + grain).convertTo(photo, CV_8UC3);
    return photo;
}

} // namespace

PhotographedPage photographPage(const Shot& shot) {
    PhotographedPage page;
    page.sheet = kSheet;
    page.paper = shot.paper;
    const cv::Mat sheet = drawSheet(shot.paper, page.bars);

    const double scale = shot.sheetHeight / kSheet.height;
    const double halfWide = kSheet.width * scale / 2, halfHigh = kSheet.height * scale / 2;
    const double top = 1 - shot.perspective, bottom = 1 + shot.perspective / 2;
    const std::array<cv::Point2d, 4> flat = {
        cv::Point2d(-halfWide * top, -halfHigh), cv::Point2d(halfWide * top, -halfHigh),
        cv::Point2d(halfWide * bottom, halfHigh), cv::Point2d(-halfWide * bottom, halfHigh)};
    const double angle = shot.angleDegrees * CV_PI / 180;
    const cv::Point2d centre(shot.frame.width / 2.0, shot.frame.height / 2.0);
    std::array<cv::Point2f, 4> to;
    for (std::size_t i = 0; i < 4; ++i) {
        const cv::Point2d p = flat[i];
        page.corners[i] = centre + cv::Point2d(p.x * std::cos(angle) - p.y * std::sin(angle),
                                               p.x * std::sin(angle) + p.y * std::cos(angle));
        to[i] = cv::Point2f(page.corners[i]);
    }
    // The sheet's outer edges (pixel borders, not pixel centres) land on the corners.
    const float w = float(kSheet.width) - 0.5f, h = float(kSheet.height) - 0.5f;
    const std::array<cv::Point2f, 4> from = {cv::Point2f(-0.5f, -0.5f), cv::Point2f(w, -0.5f),
                                             cv::Point2f(w, h), cv::Point2f(-0.5f, h)};
    const cv::Mat transform = cv::getPerspectiveTransform(from.data(), to.data());

    cv::Mat sheetF, warped, cover;
    sheet.convertTo(sheetF, CV_32FC3);
    cv::warpPerspective(sheetF, warped, transform, shot.frame, cv::INTER_LINEAR,
                        cv::BORDER_CONSTANT);
    const cv::Mat ones(kSheet, CV_32FC3, cv::Scalar(1, 1, 1));
    cv::warpPerspective(ones, cover, transform, shot.frame, cv::INTER_LINEAR, cv::BORDER_CONSTANT);
    const cv::Mat desk = drawDesk(shot.frame, shot.desk);
    const cv::Mat uncovered = cv::Scalar(1, 1, 1) - cover;
    page.image = finish(desk.mul(uncovered) + warped);
    return page;
}

cv::Mat emptyDesk(cv::Size frame) {
    cv::Mat desk = drawDesk(frame, 38);
    // A pen and a sticky note: too small to be a page.
    cv::line(desk, cv::Point(300, 900), cv::Point(620, 980), cv::Scalar(200, 120, 40), 12);
    cv::rectangle(desk, cv::Rect(1200, 200, 150, 150), cv::Scalar(120, 230, 240), cv::FILLED);
    return finish(desk);
}

} // namespace hall::testing
