#pragma once
// Cutting the page out of a document-camera frame (纠偏裁边): find the sheet, straighten it.
//
// findPage looks for the largest convex quadrilateral covering at least minPageFraction of the
// frame, not touching its edge, in two maps: the bright region (Otsu threshold: a white sheet
// on the camera's dark mat) and the edges (Canny: a light desk, where the bright region of a
// form with a printed frame is only the inside of the frame). Each side of the quad is
// then fitted as a line through the outline's points and the corners are where the lines meet,
// so a corner rounded by blur or a dog-ear does not pull it in. When no outline approximates a
// quadrilateral (a hand over a corner, a curled page), the minimum-area rectangle of the largest
// outline that is nearly rectangular stands in. Nothing found: the whole frame, and it says so.
//
// warpPage maps the quad onto an upright rectangle whose aspect ratio is the mean of the quad's
// opposite sides and whose resolution is the page's own in the frame (never enlarged beyond its
// longest sides), optionally capped. Corners are ordered top-left, top-right, bottom-right,
// bottom-left as the page lies in the frame; a sheet laid sideways comes out sideways.
//
// Pure functions of the buffer: no state, no I/O, safe on any thread. The working images
// (grey, thresholded, edges) hold the citizen's page too and are wiped before they are freed.
// A malformed buffer throws std::invalid_argument (validate() in frame.h).

#include "drivers/doccam/frame.h"

#include <array>
#include <string_view>

namespace hall::drivers::doccam {

struct PointF {
    double x = 0;
    double y = 0;
};

// Top-left, top-right, bottom-right, bottom-left, in source pixels.
using Corners = std::array<PointF, 4>;

enum class PageDetection {
    Quadrilateral, // the outline of the sheet has four sides
    MinAreaRect,   // fallback: the rectangle around a nearly rectangular outline
    NotFound,      // no sheet: the whole frame stands for the page
};
std::string_view detectionName(PageDetection detection);

struct CropOptions {
    double minPageFraction = 0.10; // the sheet covers at least this share of the frame
    int detectMaxSide = 1600;      // bigger frames are searched scaled down to this size
    int maxOutputSide = 0;         // 0: the page at its own resolution in the frame
};

struct PageQuad {
    PageDetection detection = PageDetection::NotFound;
    Corners corners{}; // the frame's own corners when NotFound
    bool found() const { return detection != PageDetection::NotFound; }
};

struct PageCrop {
    PageDetection detection = PageDetection::NotFound;
    Corners corners{};
    Frame page; // upright page, packed rows; a copy of the whole frame when NotFound
    bool found() const { return detection != PageDetection::NotFound; }
};

// Both halves separately: a preview outlines findPage's quad on every frame, a capture warps.
PageQuad findPage(const ImageView& image, const CropOptions& options = {});
Frame warpPage(const ImageView& image, const Corners& corners, int maxOutputSide = 0);

PageCrop cropPage(const ImageView& image, const CropOptions& options = {});

// The corners in the order above, whatever order they come in (convex quad assumed).
Corners orderCorners(const Corners& corners);

} // namespace hall::drivers::doccam
