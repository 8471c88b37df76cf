#include "shared/technician/test_page_pdf.h"

#include <cstdio>

namespace hall::technician {
namespace {

// A PDF string literal: printable ASCII, with the three characters that need it escaped.
std::string pdfString(const std::string& text) {
    std::string out = "(";
    for (const char c : text) {
        if (c == '(' || c == ')' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c >= 0x20 && c < 0x7F) {
            out += c;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            out += '?'; // one '?' per UTF-8 character, not per byte
        }
    }
    return out + ")";
}

} // namespace

std::vector<std::uint8_t> testPagePdf(const std::vector<std::string>& lines) {
    // Page content: the first line large, the rest below it, from the top-left margin.
    std::string content = "BT\n/F1 20 Tf\n72 770 Td\n";
    bool first = true;
    for (const auto& line : lines) {
        if (!first) content += "0 -24 Td\n";
        content += pdfString(line) + " Tj\n";
        if (first) content += "/F1 12 Tf\n";
        first = false;
    }
    content += "ET\n";

    const std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        // A4: 595 x 842 points.
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    // The cross-reference table: fixed 20-byte entries, offsets of each object from the start.
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const auto offset : offsets) {
        char entry[24];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        pdf += entry;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return {pdf.begin(), pdf.end()};
}

} // namespace hall::technician
