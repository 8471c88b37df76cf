#pragma once
// A printed ticket as plain text, for tests, the demo and a technician's screen: what the
// decoder read back, laid out on a paper of `columns` half-width characters.
//   text lines   aligned as printed; a line printed at width ×w takes w columns per column
//   feeds        blank lines
//   QR code      [QR] payload            barcode   [CODE128] data
//   raster image the image in blocks: one character per cell of (dots per column) × 24 dots,
//                '#' where at least a third of the cell is black
// Trailing spaces are trimmed; the cut itself is not drawn.

#include "drivers/printer/escpos_decoder.h"

#include <string>
#include <vector>

namespace hall::drivers::printer {

std::string renderTicketText(const std::vector<Element>& elements, int columns,
                             int paperDots = 576);

} // namespace hall::drivers::printer
