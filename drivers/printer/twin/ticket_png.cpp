#include "drivers/printer/twin/ticket_png.h"

#include "drivers/printer/gb18030.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <png.h>
#include <qrencode.h>
#include <stdexcept>

namespace hall::drivers::printer {
namespace {

constexpr std::uint8_t kWhite = 255;
constexpr std::uint8_t kInk = 0;
constexpr std::uint8_t kLightInk = 96;
constexpr int kLineSpacing = 30; // dots: ESC 2, the default 1/6 inch at 203 dpi (≈ 30)
constexpr int kMargin = 16;      // white paper above and below the print

// The picture being drawn: rows are appended as the paper feeds.
class Canvas {
public:
    explicit Canvas(int width) : width_(width) {}
    int width() const { return width_; }
    int height() const { return static_cast<int>(pixels_.size()) / width_; }
    void feed(int dots) {
        pixels_.resize(pixels_.size() + static_cast<std::size_t>(dots * width_), kWhite);
    }
    void dot(int x, int y, std::uint8_t v) {
        if (x < 0 || y < 0 || x >= width_ || y >= height()) return;
        pixels_[static_cast<std::size_t>(y * width_ + x)] = v;
    }
    void box(int x0, int y0, int w, int h, std::uint8_t v) {
        for (int y = y0; y < y0 + h; ++y)
            for (int x = x0; x < x0 + w; ++x)
                dot(x, y, v);
    }
    const std::uint8_t* row(int y) const {
        return pixels_.data() + static_cast<std::size_t>(y * width_);
    }

private:
    int width_;
    std::vector<std::uint8_t> pixels_;
};

int startX(Align align, int width, int paper) {
    const int pad = std::max(0, paper - width);
    return align == Align::Centre ? pad / 2 : align == Align::Right ? pad : 0;
}

void text(Canvas& c, const TextLine& t) {
    const int cellW = 12 * t.style.width;
    const int cellH = 24 * t.style.height;
    const int top = c.height();
    c.feed(std::max(cellH, kLineSpacing) + 6);
    int x = startX(t.style.align, displayColumns(t.text) * cellW, c.width());
    const std::uint8_t ink = t.style.bold ? kInk : kLightInk;
    for (std::size_t i = 0; i < t.text.size();) {
        const auto lead = static_cast<unsigned char>(t.text[i]);
        const int w = (lead < 0x80 ? 1 : 2) * cellW;
        if (lead != ' ') c.box(x + 2, top + 3, w - 4, cellH - 6, ink);
        x += w;
        i += utf8SequenceLength(lead);
    }
}

void qr(Canvas& c, const QrCode& q) {
    QRecLevel level = QR_ECLEVEL_L;
    switch (q.level) {
    case QrErrorLevel::L:
        level = QR_ECLEVEL_L;
        break;
    case QrErrorLevel::M:
        level = QR_ECLEVEL_M;
        break;
    case QrErrorLevel::Q:
        level = QR_ECLEVEL_Q;
        break;
    case QrErrorLevel::H:
        level = QR_ECLEVEL_H;
        break;
    }
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(static_cast<int>(q.payload.size()),
                          reinterpret_cast<const unsigned char*>(q.payload.data()), 0, level),
        &QRcode_free);
    if (!code) throw std::runtime_error("libqrencode cannot encode the QR payload");
    const int module = std::max(1, q.moduleSize);
    const int side = (code->width + 8) * module; // with the 4-module quiet zone each side
    const int top = c.height();
    c.feed(side);
    const int left = startX(q.align, side, c.width());
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x)
            if (code->data[y * code->width + x] & 1)
                c.box(left + (x + 4) * module, top + (y + 4) * module, module, module, kInk);
}

void image(Canvas& c, const RasterImage& img) {
    const int sx = (img.scale & 1) ? 2 : 1;
    const int sy = (img.scale & 2) ? 2 : 1;
    const auto& bm = img.bitmap;
    const int top = c.height();
    c.feed(bm.height() * sy);
    const int left = startX(img.align, bm.width() * sx, c.width());
    for (int y = 0; y < bm.height(); ++y)
        for (int x = 0; x < bm.width(); ++x)
            if (bm.at(x, y)) c.box(left + x * sx, top + y * sy, sx, sy, kInk);
}

void barcode(Canvas& c, const Barcode& b) {
    const int width = std::min(c.width(), static_cast<int>(b.data.size() + 3) * 11 * b.moduleWidth);
    const int top = c.height();
    c.feed(b.height + 8);
    const int left = startX(Align::Centre, width, c.width());
    for (int x = 0; x < width; x += 3 * b.moduleWidth)
        c.box(left + x, top + 4, b.moduleWidth * ((x / 3) % 2 + 1), b.height, kInk);
}

} // namespace

void writeTicketPng(const std::vector<Element>& elements, const std::filesystem::path& file,
                    int paperDots) {
    Canvas c(paperDots);
    c.feed(kMargin);
    for (const auto& e : elements) {
        if (const auto* t = std::get_if<TextLine>(&e))
            text(c, *t);
        else if (const auto* f = std::get_if<Feed>(&e))
            c.feed(f->lines * kLineSpacing);
        else if (const auto* q = std::get_if<QrCode>(&e))
            qr(c, *q);
        else if (const auto* img = std::get_if<RasterImage>(&e))
            image(c, *img);
        else if (const auto* b = std::get_if<Barcode>(&e))
            barcode(c, *b);
    }
    c.feed(kMargin);

    std::unique_ptr<FILE, decltype(&std::fclose)> out(std::fopen(file.c_str(), "wb"), &std::fclose);
    if (!out) throw std::runtime_error("cannot write " + file.string());
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info) {
        png_destroy_write_struct(&png, nullptr);
        throw std::runtime_error("libpng: out of memory");
    }
    // libpng reports errors by longjmp: nothing with a destructor may live between here and
    // the end of the writing below.
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        throw std::runtime_error("libpng failed writing " + file.string());
    }
    png_init_io(png, out.get());
    png_set_IHDR(png, info, static_cast<png_uint_32>(c.width()),
                 static_cast<png_uint_32>(c.height()), 8, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    // 203 dots per inch = 7992 per metre: the picture prints at the ticket's real size.
    png_set_pHYs(png, info, 7992, 7992, PNG_RESOLUTION_METER);
    png_write_info(png, info);
    for (int y = 0; y < c.height(); ++y)
        png_write_row(png, c.row(y));
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
}

} // namespace hall::drivers::printer
