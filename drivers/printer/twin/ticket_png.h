#pragma once
// A printed ticket as a picture, one pixel per printer dot (203 dpi), grey-scale PNG: what a
// person holding the paper would see, for the demo and for tests that read the QR back with a
// scanner library. Drawn from the decoded elements:
//   QR codes       re-encoded from their payload with libqrencode at their module size and
//                  error level, with the 4-module quiet zone (a printer picks version and mask
//                  itself, so the modules may differ from the real print; the payload does not)
//   raster images  dot for dot (GS v 0 scales included)
//   text           one inked box per character cell (12×24 dots half width, 24×24 for a hanzi,
//                  times the size multipliers; bold darker): the layout, not the glyphs — the
//                  twin carries no font
//   barcodes       a bar pattern block of the barcode's height (not a decodable symbol)
//   feeds          blank lines of 30 dots (the default line spacing)

#include "drivers/printer/escpos_decoder.h"

#include <filesystem>
#include <vector>

namespace hall::drivers::printer {

// Throws std::runtime_error when the file cannot be written or a QR payload cannot be encoded.
void writeTicketPng(const std::vector<Element>& elements, const std::filesystem::path& file,
                    int paperDots = 576);

} // namespace hall::drivers::printer
