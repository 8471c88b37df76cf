#include "drivers/printer/escpos_writer.h"

#include <stdexcept>
#include <string>

namespace hall::drivers::printer {

using namespace escpos;

namespace {

std::uint8_t lo(std::size_t v) {
    return static_cast<std::uint8_t>(v & 0xFF);
}
std::uint8_t hi(std::size_t v) {
    return static_cast<std::uint8_t>((v >> 8) & 0xFF);
}

// Byte-mode capacity of the largest QR symbol (version 40) per error-correction level.
std::size_t qrCapacity(QrErrorLevel level) {
    switch (level) {
    case QrErrorLevel::L:
        return 2953;
    case QrErrorLevel::M:
        return 2331;
    case QrErrorLevel::Q:
        return 1663;
    case QrErrorLevel::H:
        return 1273;
    }
    return 0;
}

} // namespace

EscPosWriter& EscPosWriter::init() {
    put({ESC, 0x40});
    return *this;
}

EscPosWriter& EscPosWriter::align(Align a) {
    put({ESC, 0x61, static_cast<std::uint8_t>(a)});
    return *this;
}

EscPosWriter& EscPosWriter::bold(bool on) {
    put({ESC, 0x45, static_cast<std::uint8_t>(on ? 1 : 0)});
    return *this;
}

EscPosWriter& EscPosWriter::size(int width, int height) {
    if (width < 1 || width > 8 || height < 1 || height > 8)
        throw std::invalid_argument("character size " + std::to_string(width) + "x" +
                                    std::to_string(height) + " is outside 1..8");
    // Bits 6–4: width − 1; bits 2–0: height − 1.
    put({GS, 0x21, static_cast<std::uint8_t>(((width - 1) << 4) | (height - 1))});
    return *this;
}

EscPosWriter& EscPosWriter::text(std::string_view utf8) {
    auto encoded = utf8ToGb18030(utf8, charset_);
    replaced_ += encoded.replaced;
    if (encoded.ascii) {
        out_.insert(out_.end(), encoded.bytes.begin(), encoded.bytes.end());
        return *this;
    }
    // Chinese mode only around text that needs it: a printer left in Chinese mode would read a
    // later code-page byte as the lead byte of a hanzi.
    put({FS, 0x26});
    out_.insert(out_.end(), encoded.bytes.begin(), encoded.bytes.end());
    put({FS, 0x2E});
    return *this;
}

EscPosWriter& EscPosWriter::line(std::string_view utf8) {
    text(utf8);
    return newline();
}

EscPosWriter& EscPosWriter::newline() {
    put({LF});
    return *this;
}

EscPosWriter& EscPosWriter::feed(std::uint8_t lines) {
    put({ESC, 0x64, lines});
    return *this;
}

EscPosWriter& EscPosWriter::qr(std::string_view payload, QrOptions options) {
    if (payload.empty()) throw std::invalid_argument("QR payload is empty");
    if (payload.size() > qrCapacity(options.level))
        throw std::invalid_argument("QR payload of " + std::to_string(payload.size()) +
                                    " bytes exceeds the " +
                                    std::to_string(qrCapacity(options.level)) +
                                    " a QR symbol holds at this error-correction level");
    if (options.moduleSize < 1 || options.moduleSize > 16)
        throw std::invalid_argument("QR module size " + std::to_string(options.moduleSize) +
                                    " is outside 1..16");
    // Model 2 (the QR every phone reads): 1D 28 6B 04 00 31 41 32 00
    put({GS, 0x28, 0x6B, 0x04, 0x00, kQrSymbol, kQrModel, 0x32, 0x00});
    // Module size: 1D 28 6B 03 00 31 43 n
    put({GS, 0x28, 0x6B, 0x03, 0x00, kQrSymbol, kQrModuleSize, options.moduleSize});
    // Error correction: 1D 28 6B 03 00 31 45 n
    put({GS, 0x28, 0x6B, 0x03, 0x00, kQrSymbol, kQrErrorLevel,
         static_cast<std::uint8_t>(options.level)});
    // Store: 1D 28 6B pL pH 31 50 30 d1…dk, pL + 256·pH = k + 3
    const std::size_t len = payload.size() + 3;
    put({GS, 0x28, 0x6B, lo(len), hi(len), kQrSymbol, kQrStore, 0x30});
    out_.insert(out_.end(), payload.begin(), payload.end());
    // Print the stored symbol: 1D 28 6B 03 00 31 51 30
    put({GS, 0x28, 0x6B, 0x03, 0x00, kQrSymbol, kQrPrint, 0x30});
    return *this;
}

EscPosWriter& EscPosWriter::code128(std::string_view data, BarcodeOptions options) {
    if (data.empty()) throw std::invalid_argument("barcode data is empty");
    if (options.height < 1) throw std::invalid_argument("barcode height must be 1..255 dots");
    if (options.moduleWidth < 2 || options.moduleWidth > 6)
        throw std::invalid_argument("barcode module width " + std::to_string(options.moduleWidth) +
                                    " is outside 2..6");
    // Code set B carries printable ASCII; '{' is the code-set escape, so a literal one is "{{".
    std::vector<std::uint8_t> body = {'{', 'B'};
    for (char c : data) {
        const auto b = static_cast<std::uint8_t>(c);
        if (b < 0x20 || b > 0x7E)
            throw std::invalid_argument("barcode data may hold printable ASCII only");
        body.push_back(b);
        if (b == '{') body.push_back('{');
    }
    if (body.size() > 255)
        throw std::invalid_argument("barcode data is too long for one CODE128 symbol");
    put({GS, 0x68, options.height});                          // 1D 68 n: height
    put({GS, 0x77, options.moduleWidth});                     // 1D 77 n: module width
    put({GS, 0x48, static_cast<std::uint8_t>(options.text)}); // 1D 48 n: text position
    put({GS, 0x6B, kBarcodeCode128, static_cast<std::uint8_t>(body.size())}); // 1D 6B 49 n
    out_.insert(out_.end(), body.begin(), body.end());
    return *this;
}

EscPosWriter& EscPosWriter::image(const MonoBitmap& bitmap) {
    if (bitmap.empty()) throw std::invalid_argument("image is empty");
    // 1D 76 30 m xL xH yL yH d1…dk, k = x·y, m = 0 (normal scale)
    const auto x = static_cast<std::size_t>(bitmap.bytesPerRow());
    const auto y = static_cast<std::size_t>(bitmap.height());
    put({GS, 0x76, 0x30, 0x00, lo(x), hi(x), lo(y), hi(y)});
    out_.insert(out_.end(), bitmap.rows().begin(), bitmap.rows().end());
    return *this;
}

EscPosWriter& EscPosWriter::cut(Cut mode, std::uint8_t feedUnits) {
    // 1D 56 41 n (full) / 1D 56 42 n (partial): feed to the cutter plus n units, then cut.
    put({GS, 0x56, static_cast<std::uint8_t>(mode), feedUnits});
    return *this;
}

EscPosWriter& EscPosWriter::raw(std::span<const std::uint8_t> bytes) {
    out_.insert(out_.end(), bytes.begin(), bytes.end());
    return *this;
}

} // namespace hall::drivers::printer
