#pragma once
// What a window pad hands in, made small but real: a signature as a PNG any viewer opens
// (grayscale strokes, stored uncompressed, with a text chunk naming the signer) and a scan as
// a two-page PDF with its cross-reference table. Both carry text a test can look for on disk.

#include <cstdint>
#include <string>
#include <vector>

namespace hall::testing {

inline const std::string kSignerText = "Signed by Wang Lan for the business licence of A001";
inline const std::string kScanPageText = "Household register page";

namespace detail {

inline std::uint32_t crc32(const std::string& bytes) {
    std::uint32_t crc = 0xffffffffu;
    for (const unsigned char b : bytes) {
        crc ^= b;
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return crc ^ 0xffffffffu;
}

inline std::string bigEndian(std::uint32_t n) {
    std::string out;
    for (int shift = 24; shift >= 0; shift -= 8)
        out += static_cast<char>((n >> shift) & 0xffu);
    return out;
}

inline std::string chunk(const std::string& type, const std::string& data) {
    return bigEndian(static_cast<std::uint32_t>(data.size())) + type + data +
           bigEndian(crc32(type + data));
}

} // namespace detail

// A 96×24 grayscale PNG of a wavy stroke: IHDR, tEXt, one IDAT (a zlib stream of one stored
// block) and IEND.
inline std::string signaturePng() {
    using detail::bigEndian;
    using detail::chunk;
    constexpr std::uint32_t kWidth = 96, kHeight = 24;
    std::string raw;
    for (std::uint32_t y = 0; y < kHeight; ++y) {
        raw += '\0'; // filter: none
        for (std::uint32_t x = 0; x < kWidth; ++x) {
            const auto stroke = (x * 7 / 5 + (x * x) % 11) % kHeight;
            raw += static_cast<char>(stroke == y || stroke + 1 == y ? 0x10 : 0xf0 - (x + y) % 32);
        }
    }
    std::uint32_t a = 1, b = 0;
    for (const unsigned char c : raw) {
        a = (a + c) % 65521;
        b = (b + a) % 65521;
    }
    const auto length = static_cast<std::uint16_t>(raw.size());
    std::string zlib = "\x78\x01";
    zlib += '\x01'; // the final block, stored
    zlib += static_cast<char>(length & 0xff);
    zlib += static_cast<char>(length >> 8);
    zlib += static_cast<char>(~length & 0xff);
    zlib += static_cast<char>((~length >> 8) & 0xff);
    zlib += raw + bigEndian((b << 16) | a);
    const std::string header =
        bigEndian(kWidth) + bigEndian(kHeight) + std::string("\x08\x00\x00\x00\x00", 5);
    return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", header) +
           chunk("tEXt", std::string("Comment") + '\0' + kSignerText) + chunk("IDAT", zlib) +
           chunk("IEND", "");
}

// A PDF of two A4 pages, each with a line of text, and a correct cross-reference table.
inline std::string twoPagePdf() {
    std::vector<std::string> objects{
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R "
        "/Resources << /Font << /F1 7 0 R >> >> >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R "
        "/Resources << /Font << /F1 7 0 R >> >> >>",
    };
    for (int page = 1; page <= 2; ++page) {
        const std::string text = "BT /F1 18 Tf 72 760 Td (" + kScanPageText + " " +
                                 std::to_string(page) + " of 2) Tj ET";
        objects.push_back("<< /Length " + std::to_string(text.size()) + " >>\nstream\n" + text +
                          "\nendstream");
    }
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    std::string pdf = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const auto offset : offsets) {
        std::string digits = std::to_string(offset);
        pdf += std::string(10 - digits.size(), '0') + digits + " 00000 n \n";
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace hall::testing
