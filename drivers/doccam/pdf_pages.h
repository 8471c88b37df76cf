#pragma once
// Captured pages into one PDF, in memory: each page JPEG-encoded (OpenCV), then embedded as is
// (libharu, no re-encoding) one image per PDF page.
//
// The document is a citizen's papers, so nothing touches the disk: the PDF comes back as
// SecureBytes (a DocumentPrinterDevice takes it as it is), and every buffer libharu allocates
// while building it, the JPEG copies included, is wiped before it is freed. OpenCV's encoder
// writes into a buffer reserved large enough never to move, wiped once the JPEG is copied out.
//
// Bad input (an empty list, a quality outside 1..100, bytes that are not a JPEG) throws
// std::invalid_argument; a libharu failure throws std::runtime_error with its error number.

#include "drivers/base/secure_wipe.h"
#include "drivers/doccam/frame.h"

#include <span>

namespace hall::drivers::doccam {

struct JpegPage {
    SecureBytes jpeg;
    int width = 0; // pixels
    int height = 0;
};

JpegPage encodeJpeg(const ImageView& image, int quality = 85);

enum class PdfPageSize {
    A4,      // every page A4, turned to the image's orientation, the image fitted and centred
    FitToA4, // every page the image's own aspect ratio, as large as fits on A4
};

struct PdfOptions {
    PdfPageSize pageSize = PdfPageSize::A4;
    double marginMm = 0; // around the image, inside the page
};

SecureBytes writePdf(std::span<const JpegPage> pages, const PdfOptions& options = {});

} // namespace hall::drivers::doccam
