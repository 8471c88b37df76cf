#include "drivers/doccam/page_crop.h"

#include "drivers/doccam/cv_image.h"

#include <algorithm>
#include <cmath>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace hall::drivers::doccam {
namespace {

// The share of its minimum-area rectangle an outline must fill to stand in for a page.
constexpr double kMinRectangularity = 0.85;
// Two outlines of one sheet differ by the edge map's dilation; a bigger gap is another sheet.
constexpr double kSameSheet = 1.03;
// Low, because a greyish sheet on a white desk stands out by some 25 grey levels only; the
// grain they let through makes small outlines, far below a page's area.
constexpr double kCannyLow = 20;
constexpr double kCannyHigh = 60;

struct WorkImages {
    cv::Mat small, grey, blurred, bright, edges;
    WorkImages() = default;
    WorkImages(const WorkImages&) = delete;
    WorkImages& operator=(const WorkImages&) = delete;
    ~WorkImages() {
        for (cv::Mat* mat : {&small, &grey, &blurred, &bright, &edges})
            wipeMat(*mat);
    }
};

bool touchesEdge(const std::vector<cv::Point>& outline, cv::Size size) {
    const cv::Rect box = cv::boundingRect(outline);
    return box.x <= 1 || box.y <= 1 || box.x + box.width >= size.width - 1 ||
           box.y + box.height >= size.height - 1;
}

std::optional<cv::Point2d> intersect(const cv::Vec4f& a, const cv::Vec4f& b) {
    const cv::Point2d da(a[0], a[1]), pa(a[2], a[3]), db(b[0], b[1]), pb(b[2], b[3]);
    const double cross = da.x * db.y - da.y * db.x;
    if (std::abs(cross) < 1e-6) return std::nullopt;
    const cv::Point2d w = pb - pa;
    return pa + da * ((w.x * db.y - w.y * db.x) / cross);
}

// approxPolyDP keeps outline points as vertices, and blur rounds a sheet's corners, so its
// vertices sit a pixel or two inside the true corners. Fitting each side through the outline's
// points along its middle 80% and intersecting the sides puts them back.
std::array<cv::Point2d, 4> refineCorners(const std::vector<cv::Point>& outline,
                                         const std::vector<cv::Point>& quad) {
    std::array<cv::Point2d, 4> vertices;
    for (std::size_t i = 0; i < 4; ++i)
        vertices[i] = cv::Point2d(quad[i]);
    std::array<cv::Vec4f, 4> sides;
    double shortest = 1e9;
    for (std::size_t i = 0; i < 4; ++i) {
        const cv::Point2d a = vertices[i], d = vertices[(i + 1) % 4] - a;
        const double length = std::hypot(d.x, d.y);
        shortest = std::min(shortest, length);
        if (length < 10) return vertices;
        const cv::Point2d normal(-d.y / length, d.x / length);
        const double tolerance = std::max(2.0, 0.01 * length);
        std::vector<cv::Point2f> along;
        for (const cv::Point& p : outline) {
            const cv::Point2d v = cv::Point2d(p) - a;
            const double t = v.dot(d) / (length * length);
            if (t > 0.1 && t < 0.9 && std::abs(v.dot(normal)) <= tolerance)
                along.emplace_back(cv::Point2f(p));
        }
        if (along.size() < 10) return vertices;
        cv::fitLine(along, sides[i], cv::DIST_HUBER, 0, 0.01, 0.01);
    }
    std::array<cv::Point2d, 4> refined = vertices;
    for (std::size_t i = 0; i < 4; ++i) {
        const auto corner = intersect(sides[(i + 3) % 4], sides[i]);
        // A corner that moves far was not a rounding: keep the outline's own vertex.
        if (corner && cv::norm(*corner - vertices[i]) < 0.05 * shortest) refined[i] = *corner;
    }
    return refined;
}

struct Search {
    std::optional<std::array<cv::Point2d, 4>> quad;
    double quadArea = 0;
    std::vector<cv::Point> largest;
    double largestArea = 0; // of its convex hull
};

void searchMap(const cv::Mat& map, double minArea, Search& search) {
    std::vector<std::vector<cv::Point>> outlines;
    cv::findContours(map, outlines, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_NONE);
    for (std::vector<cv::Point>& outline : outlines) {
        // Measured by its convex hull: where a hand covers a corner and cuts through a printed
        // frame, the paper outside the frame is a thin C whose own area is small, and the
        // inside of the frame would pass for the sheet.
        std::vector<cv::Point> hull;
        cv::convexHull(outline, hull);
        const double area = cv::contourArea(hull);
        if (area < minArea || touchesEdge(outline, map.size())) continue;
        std::vector<cv::Point> approx;
        cv::approxPolyDP(outline, approx, 0.02 * cv::arcLength(outline, true), true);
        if (approx.size() == 4 && cv::isContourConvex(approx)) {
            const double quadArea = cv::contourArea(approx);
            if (quadArea > search.quadArea) {
                search.quadArea = quadArea;
                search.quad = refineCorners(outline, approx);
            }
        }
        if (area > search.largestArea) {
            search.largestArea = area;
            search.largest = std::move(outline);
        }
    }
}

Corners toCorners(const std::array<cv::Point2d, 4>& points, double scale) {
    Corners corners;
    // Pixel centres: pixel i of the scaled image covers [i, i+1) / scale in the source.
    for (std::size_t i = 0; i < 4; ++i)
        corners[i] = {(points[i].x + 0.5) / scale - 0.5, (points[i].y + 0.5) / scale - 0.5};
    return orderCorners(corners);
}

Corners frameCorners(const ImageView& image) {
    const double right = image.width - 1, bottom = image.height - 1;
    return {PointF{0, 0}, PointF{right, 0}, PointF{right, bottom}, PointF{0, bottom}};
}

double distance(const PointF& a, const PointF& b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

} // namespace

std::string_view detectionName(PageDetection detection) {
    switch (detection) {
    case PageDetection::Quadrilateral:
        return "quadrilateral";
    case PageDetection::MinAreaRect:
        return "min_area_rect";
    case PageDetection::NotFound:
        return "not_found";
    }
    return "not_found";
}

Corners orderCorners(const Corners& corners) {
    PointF centre;
    for (const PointF& p : corners) {
        centre.x += p.x / 4;
        centre.y += p.y / 4;
    }
    Corners ordered = corners;
    // By angle around the centre: with y pointing down that runs clockwise on screen, from the
    // top-left quadrant round to the bottom-left.
    std::sort(ordered.begin(), ordered.end(), [&](const PointF& a, const PointF& b) {
        return std::atan2(a.y - centre.y, a.x - centre.x) <
               std::atan2(b.y - centre.y, b.x - centre.x);
    });
    const auto topLeft =
        std::min_element(ordered.begin(), ordered.end(),
                         [](const PointF& a, const PointF& b) { return a.x + a.y < b.x + b.y; });
    std::rotate(ordered.begin(), topLeft, ordered.end());
    return ordered;
}

PageQuad findPage(const ImageView& image, const CropOptions& options) {
    validate(image);
    if (!(options.minPageFraction > 0 && options.minPageFraction < 1) || options.detectMaxSide < 64)
        throw std::invalid_argument("crop options: minPageFraction must lie in (0, 1) and "
                                    "detectMaxSide be at least 64");
    const cv::Mat source = matOf(image);
    WorkImages work;
    const double scale =
        std::min(1.0, double(options.detectMaxSide) / std::max(image.width, image.height));
    if (scale < 1) cv::resize(source, work.small, cv::Size(), scale, scale, cv::INTER_AREA);
    const cv::Mat& searched = scale < 1 ? work.small : source;

    cv::cvtColor(searched, work.grey, cv::COLOR_BGR2GRAY);
    cv::GaussianBlur(work.grey, work.blurred, cv::Size(5, 5), 0);
    const double minArea = options.minPageFraction * searched.rows * searched.cols;

    // Both maps, always: on a light desk the bright region of a form with a printed frame is
    // the inside of the frame, and only the edge map sees the sheet's own edge. When both find
    // the same sheet, the threshold's outline is the more exact one (the edges are dilated).
    Search bright, edges;
    cv::threshold(work.blurred, work.bright, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    searchMap(work.bright, minArea, bright);
    cv::Canny(work.blurred, work.edges, kCannyLow, kCannyHigh);
    // Close the small gaps Canny leaves in a sheet's outline, so it is one outline.
    cv::dilate(work.edges, work.edges, cv::Mat(), cv::Point(-1, -1), 1);
    searchMap(work.edges, minArea, edges);
    if (edges.quad && (!bright.quad || edges.quadArea > kSameSheet * bright.quadArea))
        return {PageDetection::Quadrilateral, toCorners(*edges.quad, scale)};
    if (bright.quad) return {PageDetection::Quadrilateral, toCorners(*bright.quad, scale)};
    // No quadrilateral: the largest outline, if nearly rectangular; the threshold's first, as
    // the edge map's may have whatever covers the sheet joined to it.
    for (const Search* search : {&bright, &edges}) {
        if (search->largest.empty()) continue;
        const cv::RotatedRect rect = cv::minAreaRect(search->largest);
        if (search->largestArea < kMinRectangularity * rect.size.area()) continue;
        std::array<cv::Point2f, 4> box;
        rect.points(box.data());
        std::array<cv::Point2d, 4> points;
        for (std::size_t i = 0; i < 4; ++i)
            points[i] = cv::Point2d(box[i]);
        return {PageDetection::MinAreaRect, toCorners(points, scale)};
    }
    return {PageDetection::NotFound, frameCorners(image)};
}

Frame warpPage(const ImageView& image, const Corners& corners, int maxOutputSide) {
    validate(image);
    if (maxOutputSide < 0) throw std::invalid_argument("maxOutputSide must not be negative");
    for (const PointF& p : corners)
        if (!std::isfinite(p.x) || !std::isfinite(p.y))
            throw std::invalid_argument("page corners must be finite");
    const Corners c = orderCorners(corners);
    const double top = distance(c[0], c[1]), right = distance(c[1], c[2]);
    const double bottom = distance(c[2], c[3]), left = distance(c[3], c[0]);
    // The mean of opposite sides gives the aspect ratio; perspective shortens the far side.
    double width = (top + bottom) / 2, height = (left + right) / 2;
    if (width < 2 || height < 2) throw std::invalid_argument("page corners enclose no page");
    const double enlarge = std::max(std::max(top, bottom) / width, std::max(left, right) / height);
    width *= enlarge;
    height *= enlarge;
    const double longest = std::max(width, height);
    const double cap =
        maxOutputSide > 0 ? std::min<double>(maxOutputSide, kMaxImageSide) : double(kMaxImageSide);
    if (longest > cap) {
        width *= cap / longest;
        height *= cap / longest;
    }
    Frame page =
        makeFrame(std::max(1, int(std::lround(width))), std::max(1, int(std::lround(height))));

    const std::array<cv::Point2f, 4> from = {
        cv::Point2f(float(c[0].x), float(c[0].y)), cv::Point2f(float(c[1].x), float(c[1].y)),
        cv::Point2f(float(c[2].x), float(c[2].y)), cv::Point2f(float(c[3].x), float(c[3].y))};
    const float w = float(page.width - 1), h = float(page.height - 1);
    const std::array<cv::Point2f, 4> to = {cv::Point2f(0, 0), cv::Point2f(w, 0), cv::Point2f(w, h),
                                           cv::Point2f(0, h)};
    const cv::Mat transform = cv::getPerspectiveTransform(from.data(), to.data());
    // Straight into the page's own wiped-on-release buffer: no intermediate copy to clean up.
    cv::Mat out(page.height, page.width, CV_8UC3, page.bytes.bytes().data(),
                std::size_t(page.stride));
    cv::warpPerspective(matOf(image), out, transform, out.size(), cv::INTER_LINEAR,
                        cv::BORDER_REPLICATE);
    return page;
}

PageCrop cropPage(const ImageView& image, const CropOptions& options) {
    const PageQuad quad = findPage(image, options);
    PageCrop crop;
    crop.detection = quad.detection;
    crop.corners = quad.corners;
    crop.page =
        quad.found() ? warpPage(image, quad.corners, options.maxOutputSide) : copyFrame(image);
    return crop;
}

} // namespace hall::drivers::doccam
