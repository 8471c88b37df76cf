#include "drivers/doccam/pdf_pages.h"

#include "drivers/doccam/cv_image.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <hpdf.h>
#include <limits>
#include <opencv2/imgcodecs.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace hall::drivers::doccam {
namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;
constexpr double kA4ShortMm = 210;
constexpr double kA4LongMm = 297;

// libharu's allocator hooks are told no size on free, so each block carries its size in front.
constexpr std::size_t kBlockHeader = alignof(std::max_align_t);

void* wipingAlloc(HPDF_UINT size) {
    auto* block = static_cast<unsigned char*>(std::malloc(kBlockHeader + size));
    if (block == nullptr) return nullptr;
    const std::size_t stored = size;
    std::memcpy(block, &stored, sizeof stored);
    return block + kBlockHeader;
}

void wipingFree(void* memory) {
    if (memory == nullptr) return;
    unsigned char* block = static_cast<unsigned char*>(memory) - kBlockHeader;
    std::size_t size = 0;
    std::memcpy(&size, block, sizeof size);
    secureWipe(memory, size);
    std::free(block);
}

struct HaruError {
    HPDF_STATUS error = HPDF_OK;
    HPDF_STATUS detail = HPDF_OK;
};

// Called by libharu on every error; the first one is kept for the message. Returning is
// allowed: the failing call then returns an error status, which is checked where it is made.
void onHaruError(HPDF_STATUS error, HPDF_STATUS detail, void* data) {
    auto* kept = static_cast<HaruError*>(data);
    if (kept->error == HPDF_OK) *kept = {error, detail};
}

class HaruDocument {
public:
    HaruDocument() : doc_(HPDF_NewEx(onHaruError, wipingAlloc, wipingFree, 0, &error_)) {
        if (doc_ == nullptr) throw std::runtime_error("PDF: libharu could not start a document");
    }
    ~HaruDocument() { HPDF_Free(doc_); }
    HaruDocument(const HaruDocument&) = delete;
    HaruDocument& operator=(const HaruDocument&) = delete;

    HPDF_Doc get() const { return doc_; }

    [[noreturn]] void fail(const std::string& what) const {
        char numbers[64];
        std::snprintf(numbers, sizeof numbers, "libharu error 0x%04lX, detail %lu",
                      static_cast<unsigned long>(error_.error),
                      static_cast<unsigned long>(error_.detail));
        throw std::runtime_error("PDF: " + what + " failed (" + numbers + ")");
    }
    void check(HPDF_STATUS status, const std::string& what) const {
        if (status != HPDF_OK) fail(what);
    }

private:
    HaruError error_;
    HPDF_Doc doc_;
};

HPDF_REAL real(double value) {
    return static_cast<HPDF_REAL>(value);
}

void addPage(const HaruDocument& doc, const JpegPage& source, std::size_t number,
             const PdfOptions& options) {
    const std::string name = "page " + std::to_string(number);
    const std::vector<std::uint8_t>& jpeg = source.jpeg.bytes();
    // The JPEG start-of-image marker: anything else is not a page from encodeJpeg.
    if (jpeg.size() < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        throw std::invalid_argument(name + " is not a JPEG");
    if (jpeg.size() > std::numeric_limits<HPDF_UINT>::max())
        throw std::invalid_argument(name + " is too large for a PDF image");
    const HPDF_Image image =
        HPDF_LoadJpegImageFromMem(doc.get(), jpeg.data(), static_cast<HPDF_UINT>(jpeg.size()));
    const double pixelsWide = image != nullptr ? HPDF_Image_GetWidth(image) : 0;
    const double pixelsHigh = image != nullptr ? HPDF_Image_GetHeight(image) : 0;
    if (pixelsWide < 1 || pixelsHigh < 1)
        throw std::invalid_argument(name + " is a JPEG libharu cannot embed (damaged, or CMYK)");

    const bool landscape = pixelsWide > pixelsHigh;
    const double a4Wide = (landscape ? kA4LongMm : kA4ShortMm) * kPointsPerMm;
    const double a4High = (landscape ? kA4ShortMm : kA4LongMm) * kPointsPerMm;
    const double margin = options.marginMm * kPointsPerMm;
    const double fit =
        std::min((a4Wide - 2 * margin) / pixelsWide, (a4High - 2 * margin) / pixelsHigh);
    const double imageWide = pixelsWide * fit, imageHigh = pixelsHigh * fit;
    const bool a4 = options.pageSize == PdfPageSize::A4;
    const double pageWide = a4 ? a4Wide : imageWide + 2 * margin;
    const double pageHigh = a4 ? a4High : imageHigh + 2 * margin;

    const HPDF_Page page = HPDF_AddPage(doc.get());
    if (page == nullptr) doc.fail("adding " + name);
    doc.check(HPDF_Page_SetWidth(page, real(pageWide)), "sizing " + name);
    doc.check(HPDF_Page_SetHeight(page, real(pageHigh)), "sizing " + name);
    // PDF's origin is the bottom-left corner; the image is centred either way.
    doc.check(HPDF_Page_DrawImage(page, image, real((pageWide - imageWide) / 2),
                                  real((pageHigh - imageHigh) / 2), real(imageWide),
                                  real(imageHigh)),
              "drawing " + name);
}

} // namespace

JpegPage encodeJpeg(const ImageView& image, int quality) {
    validate(image);
    if (quality < 1 || quality > 100)
        throw std::invalid_argument("JPEG quality " + std::to_string(quality) +
                                    " is outside 1..100");
    // Reserved beyond what a JPEG of this image can take, so the encoder never moves the
    // buffer and leaves an unwiped copy behind.
    const std::size_t raw = std::size_t(image.width) * std::size_t(image.height) * kBytesPerPixel;
    std::vector<std::uint8_t> scratch;
    scratch.reserve(raw + raw / 2 + 64 * 1024);
    cv::imencode(".jpg", matOf(image), scratch, {cv::IMWRITE_JPEG_QUALITY, quality});
    JpegPage page{SecureBytes(std::vector<std::uint8_t>(scratch.begin(), scratch.end())),
                  image.width, image.height};
    secureWipe(scratch);
    return page;
}

SecureBytes writePdf(std::span<const JpegPage> pages, const PdfOptions& options) {
    if (pages.empty()) throw std::invalid_argument("a PDF needs at least one page");
    if (!(options.marginMm >= 0 && options.marginMm < kA4ShortMm / 4))
        throw std::invalid_argument("PDF margin must lie in 0.." +
                                    std::to_string(int(kA4ShortMm / 4)) + " mm");
    HaruDocument doc;
    doc.check(HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL), "setting compression");
    for (std::size_t i = 0; i < pages.size(); ++i)
        addPage(doc, pages[i], i + 1, options);

    doc.check(HPDF_SaveToStream(doc.get()), "writing the document");
    const HPDF_UINT32 size = HPDF_GetStreamSize(doc.get());
    if (size == 0) doc.fail("writing the document");
    std::vector<std::uint8_t> pdf(size);
    doc.check(HPDF_ResetStream(doc.get()), "rewinding the document");
    std::size_t done = 0;
    while (done < pdf.size()) {
        HPDF_UINT32 chunk = static_cast<HPDF_UINT32>(pdf.size() - done);
        const HPDF_STATUS status = HPDF_ReadFromStream(doc.get(), pdf.data() + done, &chunk);
        done += chunk;
        if (status == HPDF_STREAM_EOF || chunk == 0) break;
        doc.check(status, "reading the document back");
    }
    if (done != pdf.size()) {
        secureWipe(pdf);
        doc.fail("reading the document back");
    }
    return SecureBytes(std::move(pdf));
}

} // namespace hall::drivers::doccam
