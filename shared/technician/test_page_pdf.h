#pragma once
// The document printer's test page: a one-page A4 PDF with a few lines of text in the PDF base
// font Helvetica. PDF because it is what every CUPS queue takes (driverless IPP printers and
// filters alike); a base font because it needs no embedding. Helvetica has no hanzi, so the
// page is in English; characters outside printable ASCII come out as '?'.

#include <cstdint>
#include <string>
#include <vector>

namespace hall::technician {

std::vector<std::uint8_t> testPagePdf(const std::vector<std::string>& lines);

} // namespace hall::technician
