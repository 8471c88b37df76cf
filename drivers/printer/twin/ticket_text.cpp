#include "drivers/printer/twin/ticket_text.h"

#include "drivers/printer/gb18030.h"

#include <algorithm>

namespace hall::drivers::printer {
namespace {

std::string aligned(const std::string& text, int width, Align align, int columns) {
    const int pad = std::max(0, columns - width);
    const int left = align == Align::Centre ? pad / 2 : align == Align::Right ? pad : 0;
    return std::string(static_cast<std::size_t>(left), ' ') + text;
}

void trimRight(std::string& s) {
    while (!s.empty() && s.back() == ' ')
        s.pop_back();
}

void image(std::vector<std::string>& out, const RasterImage& img, int columns, int paperDots) {
    const int scaleX = (img.scale & 1) ? 2 : 1;
    const int scaleY = (img.scale & 2) ? 2 : 1;
    const int dotsPerColumn = std::max(1, paperDots / columns);
    const int cellW = std::max(1, dotsPerColumn / scaleX);
    const int cellH = std::max(1, 24 / scaleY);
    const auto& bm = img.bitmap;
    const int cells = (bm.width() + cellW - 1) / cellW;
    for (int cy = 0; cy < bm.height(); cy += cellH) {
        std::string row;
        for (int c = 0; c < cells; ++c) {
            int black = 0, all = 0;
            for (int y = cy; y < std::min(bm.height(), cy + cellH); ++y)
                for (int x = c * cellW; x < std::min(bm.width(), (c + 1) * cellW); ++x) {
                    black += bm.at(x, y) ? 1 : 0;
                    ++all;
                }
            row.push_back(all > 0 && black * 3 >= all ? '#' : ' ');
        }
        trimRight(row);
        // The image's box is centred or aligned as a whole, blank columns included.
        std::string line = row.empty() ? row : aligned(row, cells, img.align, columns);
        out.push_back(std::move(line));
    }
}

} // namespace

std::string renderTicketText(const std::vector<Element>& elements, int columns, int paperDots) {
    std::vector<std::string> lines;
    for (const auto& e : elements) {
        if (const auto* t = std::get_if<TextLine>(&e)) {
            lines.push_back(aligned(t->text, displayColumns(t->text) * t->style.width,
                                    t->style.align, columns));
        } else if (const auto* f = std::get_if<Feed>(&e)) {
            lines.insert(lines.end(), static_cast<std::size_t>(f->lines), std::string());
        } else if (const auto* q = std::get_if<QrCode>(&e)) {
            const std::string s = "[QR] " + q->payload;
            lines.push_back(aligned(s, displayColumns(s), q->align, columns));
        } else if (const auto* b = std::get_if<Barcode>(&e)) {
            const std::string s =
                (b->system == escpos::kBarcodeCode128 ? "[CODE128] " : "[barcode] ") + b->data;
            lines.push_back(aligned(s, displayColumns(s), Align::Centre, columns));
        } else if (const auto* img = std::get_if<RasterImage>(&e)) {
            image(lines, *img, columns, paperDots);
        }
    }
    std::string out;
    for (auto& l : lines) {
        trimRight(l);
        out += l;
        out += '\n';
    }
    return out;
}

} // namespace hall::drivers::printer
