#include "drivers/printer/escpos_decoder.h"

#include "drivers/printer/escpos.h"
#include "drivers/printer/gb18030.h"

#include <algorithm>

namespace hall::drivers::printer {

using namespace escpos;

namespace {

Unsupported head(std::span<const std::uint8_t> in, std::size_t n) {
    n = std::min(n, in.size());
    return Unsupported{std::vector<std::uint8_t>(in.begin(), in.begin() + static_cast<long>(n))};
}

std::size_t u16(std::uint8_t lo, std::uint8_t hi) {
    return lo | (static_cast<std::size_t>(hi) << 8);
}

// ESC a n and GS ( k's alignment both accept 0–2 and the ASCII digits '0'–'2'.
std::optional<Align> alignFrom(std::uint8_t n) {
    if (n == 0 || n == '0') return Align::Left;
    if (n == 1 || n == '1') return Align::Centre;
    if (n == 2 || n == '2') return Align::Right;
    return std::nullopt;
}

// ESC commands of a fixed length (the bytes after ESC, command byte included), for those that
// change nothing this decoder models.
std::size_t fixedEscLength(std::uint8_t c) {
    switch (c) {
    case '2': // default line spacing
    case '<': // return home
    case 'L': // page mode
    case 'S': // standard mode
        return 2;
    case ' ': // right-side character spacing
    case '%': // user-defined character set
    case '-': // underline
    case '3': // line spacing
    case '=': // peripheral device
    case '?': // cancel user-defined character
    case 'G': // double-strike
    case 'M': // font
    case 'R': // international character set
    case 'T': // print direction (page mode)
    case 'U': // unidirectional printing
    case 'V': // 90° rotation
    case 'e': // reverse feed n lines
    case 'r': // colour
    case 't': // code page
    case '{': // upside-down
        return 3;
    case '$':  // absolute position
    case '\\': // relative position
    case 'c':  // ESC c 3/4/5 n: panel and sensor settings
        return 4;
    case 'p': // drawer kick pulse
        return 5;
    case 'W': // print area in page mode
        return 10;
    default:
        return 0;
    }
}

std::size_t fixedGsLength(std::uint8_t c) {
    switch (c) {
    case ':': // start/end macro
        return 2;
    case '/': // print downloaded image
    case 'B': // reverse (white on black)
    case 'I': // transmit printer ID
    case 'T': // set print position to line start
    case 'b': // smoothing
    case 'f': // HRI font
    case 'r': // transmit status
    case 'j': // automatic status back for ink
        return 3;
    case '$':  // absolute vertical position (page mode)
    case 'L':  // left margin
    case 'P':  // motion units
    case 'W':  // print area width
    case '\\': // relative vertical position
        return 4;
    case '^': // execute macro
        return 5;
    default:
        return 0;
    }
}

} // namespace

std::string decodeCode128(std::span<const std::uint8_t> data) {
    std::string out;
    char set = 'B';
    for (std::size_t i = 0; i < data.size(); ++i) {
        const std::uint8_t c = data[i];
        if (c == '{' && i + 1 < data.size()) {
            const std::uint8_t d = data[++i];
            if (d == '{' && set != 'C')
                out.push_back('{');
            else if (d == 'A' || d == 'B' || d == 'C')
                set = static_cast<char>(d);
            // FNC1–4 ("{1"…"{4") and SHIFT ("{S") encode no character.
            continue;
        }
        if (set == 'C') {
            if (c <= 99) {
                out.push_back(static_cast<char>('0' + c / 10));
                out.push_back(static_cast<char>('0' + c % 10));
            } else {
                out.push_back('?');
            }
        } else {
            out.push_back(c >= 0x20 && c <= 0x7E ? static_cast<char>(c) : '?');
        }
    }
    return out;
}

EscPosDecoder::EscPosDecoder(Options options) : options_(options) {
    powerOn();
}

void EscPosDecoder::powerOn() {
    style_ = {};
    lineStyle_ = {};
    line_.clear();
    chinese_ = options_.chineseModeAtInit;
    qrModel_ = 2;
    qrModuleSize_ = 3;
    qrLevel_ = QrErrorLevel::L;
    qrData_.clear();
    barcodeHeight_ = 162;
    barcodeWidth_ = 3;
    barcodeText_ = BarcodeText::None;
}

void EscPosDecoder::reset() {
    powerOn();
    pending_.clear();
    skipping_ = 0;
}

void EscPosDecoder::feed(std::span<const std::uint8_t> bytes, std::vector<Element>& out) {
    pending_.insert(pending_.end(), bytes.begin(), bytes.end());
    std::size_t pos = 0;
    while (pos < pending_.size()) {
        if (skipping_ > 0) {
            const auto n =
                static_cast<std::size_t>(std::min<std::uint64_t>(skipping_, pending_.size() - pos));
            skipping_ -= n;
            pos += n;
            continue;
        }
        const std::size_t n = step(std::span(pending_).subspan(pos), out);
        if (n == 0) break;
        pos += n;
    }
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<long>(pos));
}

void EscPosDecoder::flushLine(std::vector<Element>& out, bool evenIfEmpty) {
    if (line_.empty() && !evenIfEmpty) return;
    out.push_back(TextLine{gb18030ToUtf8(line_), line_.empty() ? style_ : lineStyle_});
    line_.clear();
}

std::size_t EscPosDecoder::skip(std::span<const std::uint8_t> in, std::uint64_t total,
                                std::size_t known, std::vector<Element>& out) {
    out.push_back(head(in, known));
    if (total <= in.size()) return static_cast<std::size_t>(total);
    skipping_ = total - in.size();
    return in.size();
}

std::size_t EscPosDecoder::step(std::span<const std::uint8_t> in, std::vector<Element>& out) {
    const std::uint8_t b = in[0];
    switch (b) {
    case LF:
        flushLine(out, true);
        return 1;
    case DLE:
        if (in.size() < 2) return 0;
        if (in[1] == EOT || in[1] == 0x05) { // DLE EOT n: status; DLE ENQ n: recover/clear
            if (in.size() < 3) return 0;
            if (in[1] == EOT) out.push_back(StatusRequest{in[2]});
            return 3;
        }
        return 1; // a lone DLE prints nothing
    case ESC:
        return escape(in, out);
    case FS:
        return fs(in, out);
    case GS:
        return gs(in, out);
    default:
        if (b < 0x20 || b == 0x7F) return 1; // CR, HT, … and DEL: nothing on paper here
        return text(in, out);
    }
}

std::size_t EscPosDecoder::text(std::span<const std::uint8_t> in, std::vector<Element>& out) {
    auto append = [&](std::span<const std::uint8_t> bytes) {
        if (line_.empty()) lineStyle_ = style_;
        line_.insert(line_.end(), bytes.begin(), bytes.end());
        if (line_.size() >= kMaxLineBytes) flushLine(out, false);
    };
    static constexpr std::uint8_t kUnknown[] = {'?'};
    const std::uint8_t b = in[0];
    if (!chinese_ || b < 0x81 || b == 0xFF) {
        if (b >= 0x80)
            append(kUnknown);
        else
            append(in.first(1));
        return 1;
    }
    if (in.size() < 2) return 0;
    const std::uint8_t b2 = in[1];
    if (b2 >= 0x30 && b2 <= 0x39) {
        if (in.size() < 4) return 0;
        if (in[2] >= 0x81 && in[2] <= 0xFE && in[3] >= 0x30 && in[3] <= 0x39) {
            append(in.first(4));
            return 4;
        }
    } else if ((b2 >= 0x40 && b2 <= 0x7E) || (b2 >= 0x80 && b2 <= 0xFE)) {
        append(in.first(2));
        return 2;
    }
    append(kUnknown); // a lead byte without a valid trail: the next byte is read afresh
    return 1;
}

std::size_t EscPosDecoder::escape(std::span<const std::uint8_t> in, std::vector<Element>& out) {
    if (in.size() < 2) return 0;
    const std::uint8_t c = in[1];
    switch (c) {
    case '@':
        powerOn();
        out.push_back(Initialise{});
        return 2;
    case 'a':
        if (in.size() < 3) return 0;
        if (auto a = alignFrom(in[2])) style_.align = *a;
        return 3;
    case 'E':
        if (in.size() < 3) return 0;
        style_.bold = (in[2] & 1) != 0;
        return 3;
    case '!': // ESC ! n: print mode; bit 3 bold, bit 4 double height, bit 5 double width
        if (in.size() < 3) return 0;
        style_.bold = (in[2] & 0x08) != 0;
        style_.height = (in[2] & 0x10) ? 2 : 1;
        style_.width = (in[2] & 0x20) ? 2 : 1;
        return 3;
    case 'd': { // print the line and feed n lines, the printed line being the first of them
        if (in.size() < 3) return 0;
        int lines = in[2];
        if (!line_.empty()) {
            flushLine(out, false);
            lines = std::max(0, lines - 1);
        }
        if (lines > 0) out.push_back(Feed{lines});
        return 3;
    }
    case 'J': // print and feed n dots
        if (in.size() < 3) return 0;
        flushLine(out, false);
        return 3;
    case 'i': // legacy cuts: ESC i (one point left), ESC m (three points left)
    case 'm':
        flushLine(out, false);
        out.push_back(PaperCut{true});
        return 2;
    case 'D': { // horizontal tabs: up to 32 positions ending with NUL
        const auto limit = in.begin() + static_cast<long>(std::min<std::size_t>(in.size(), 35));
        const auto end = std::find(in.begin() + 2, limit, 0);
        if (end == limit) {
            if (in.size() < 35) return 0;
            out.push_back(head(in, 2));
            return 2;
        }
        return static_cast<std::size_t>(end - in.begin()) + 1;
    }
    case '*': { // ESC * m nL nH d…: bit image, 1 or 3 bytes per column
        if (in.size() < 5) return 0;
        const std::uint64_t columns = u16(in[3], in[4]);
        return skip(in, 5 + columns * ((in[2] == 32 || in[2] == 33) ? 3 : 1), 5, out);
    }
    default:
        break;
    }
    if (const std::size_t n = fixedEscLength(c)) {
        if (in.size() < n) return 0;
        return n;
    }
    out.push_back(head(in, 2));
    return 2;
}

std::size_t EscPosDecoder::fs(std::span<const std::uint8_t> in, std::vector<Element>& out) {
    if (in.size() < 2) return 0;
    std::size_t n = 0;
    switch (in[1]) {
    case '&':
        chinese_ = true;
        return 2;
    case '.':
        chinese_ = false;
        return 2;
    case '!': // Chinese print mode
    case '-': // Chinese underline
    case 'C': // Chinese code system
    case 'W': // Chinese quadruple size
    case '?': // cancel user-defined Chinese character
        n = 3;
        break;
    case 'S': // Chinese character spacing
    case 'p': // print NV image
        n = 4;
        break;
    case '2': // define a user Chinese character: c1 c2 and 72 bytes of pattern
        n = 4 + 72;
        break;
    default:
        out.push_back(head(in, 2));
        return 2;
    }
    if (in.size() < n) return 0;
    return n;
}

std::size_t EscPosDecoder::gs(std::span<const std::uint8_t> in, std::vector<Element>& out) {
    if (in.size() < 2) return 0;
    const std::uint8_t c = in[1];
    switch (c) {
    case '!':
        if (in.size() < 3) return 0;
        style_.width = ((in[2] >> 4) & 7) + 1;
        style_.height = (in[2] & 7) + 1;
        return 3;
    case '(': {
        if (in.size() < 5) return 0;
        if (in[2] == 'k') return twoDimensional(in, out);
        return skip(in, 5 + u16(in[3], in[4]), 5, out);
    }
    case 'V': {
        if (in.size() < 3) return 0;
        const std::uint8_t m = in[2];
        std::size_t n = 0;
        if (m == 0 || m == 1 || m == '0' || m == '1')
            n = 3;
        else if (m == 65 || m == 66 || m == 97 || m == 98 || m == 103 || m == 104)
            n = 4;
        if (n == 0) {
            out.push_back(head(in, 3));
            return 3;
        }
        if (in.size() < n) return 0;
        flushLine(out, false);
        out.push_back(PaperCut{m == 1 || m == '1' || m == 66 || m == 98 || m == 104});
        return n;
    }
    case 'v': {
        if (in.size() < 3) return 0;
        if (in[2] != '0') {
            out.push_back(head(in, 3));
            return 3;
        }
        if (in.size() < 8) return 0;
        const std::size_t x = u16(in[4], in[5]);
        const std::size_t y = u16(in[6], in[7]);
        const std::uint64_t total = 8 + static_cast<std::uint64_t>(x) * y;
        if (x == 0 || y == 0 || x * 8 > static_cast<std::size_t>(MonoBitmap::kMaxWidth) ||
            y > static_cast<std::size_t>(MonoBitmap::kMaxHeight))
            return skip(in, total, 8, out);
        if (in.size() < total) return 0;
        flushLine(out, false);
        const auto data = in.subspan(8, x * y);
        out.push_back(RasterImage{MonoBitmap(static_cast<int>(x * 8), static_cast<int>(y),
                                             std::vector<std::uint8_t>(data.begin(), data.end())),
                                  in[3] & 3, style_.align});
        return static_cast<std::size_t>(total);
    }
    case 'k': {
        if (in.size() < 3) return 0;
        const std::uint8_t m = in[2];
        if (m <= 6) { // format 1: data ends with NUL (at most 255 bytes)
            const auto limit =
                in.begin() + static_cast<long>(std::min<std::size_t>(in.size(), 3 + 256));
            const auto end = std::find(in.begin() + 3, limit, 0);
            if (end == limit) {
                if (in.size() < 3 + 256) return 0;
                out.push_back(head(in, 3));
                return 3;
            }
            flushLine(out, false);
            out.push_back(Barcode{m, std::string(in.begin() + 3, end), barcodeHeight_,
                                  barcodeWidth_, barcodeText_});
            return static_cast<std::size_t>(end - in.begin()) + 1;
        }
        if (m >= 65 && m <= 79) { // format 2: n data bytes
            if (in.size() < 4) return 0;
            const std::size_t n = in[3];
            if (in.size() < 4 + n) return 0;
            flushLine(out, false);
            const auto data = in.subspan(4, n);
            out.push_back(Barcode{m,
                                  m == kBarcodeCode128 ? decodeCode128(data)
                                                       : std::string(data.begin(), data.end()),
                                  barcodeHeight_, barcodeWidth_, barcodeText_});
            return 4 + n;
        }
        out.push_back(head(in, 3));
        return 3;
    }
    case 'h':
    case 'w':
    case 'H':
    case 'a':
        if (in.size() < 3) return 0;
        if (c == 'h') barcodeHeight_ = in[2];
        if (c == 'w') barcodeWidth_ = in[2];
        if (c == 'H') barcodeText_ = static_cast<BarcodeText>(in[2] & 3);
        if (c == 'a') out.push_back(AsbRequest{in[2]});
        return 3;
    case '*': { // GS * x y d…: define a downloaded image of x·y·8 bytes
        if (in.size() < 4) return 0;
        return skip(in, 4 + static_cast<std::uint64_t>(in[2]) * in[3] * 8, 4, out);
    }
    case '8': { // GS 8 L p1 p2 p3 p4 …: graphics with a 32-bit length
        if (in.size() < 7) return 0;
        const std::uint64_t len = in[3] | (static_cast<std::uint64_t>(in[4]) << 8) |
                                  (static_cast<std::uint64_t>(in[5]) << 16) |
                                  (static_cast<std::uint64_t>(in[6]) << 24);
        return skip(in, 7 + len, 7, out);
    }
    default:
        break;
    }
    if (const std::size_t n = fixedGsLength(c)) {
        if (in.size() < n) return 0;
        return n;
    }
    out.push_back(head(in, 2));
    return 2;
}

// GS ( k pL pH cn fn …: pL + 256·pH bytes follow pH. Only QR (cn 31) is modelled.
std::size_t EscPosDecoder::twoDimensional(std::span<const std::uint8_t> in,
                                          std::vector<Element>& out) {
    const std::size_t len = u16(in[3], in[4]);
    const std::size_t total = 5 + len;
    if (len < 2 || len > 7089 + 3) return skip(in, total, 5, out);
    if (in.size() < 7) return 0;
    if (in[5] != kQrSymbol) return skip(in, total, 7, out);
    if (in.size() < total) return 0;
    const auto params = in.subspan(7, len - 2);
    switch (in[6]) {
    case kQrModel:
        if (!params.empty() && params[0] >= 0x31 && params[0] <= 0x33) qrModel_ = params[0] - 0x30;
        break;
    case kQrModuleSize:
        if (!params.empty() && params[0] >= 1 && params[0] <= 16) qrModuleSize_ = params[0];
        break;
    case kQrErrorLevel:
        if (!params.empty() && params[0] >= 0x30 && params[0] <= 0x33)
            qrLevel_ = static_cast<QrErrorLevel>(params[0]);
        break;
    case kQrStore: // m = 30, then the data
        if (!params.empty() && params[0] == 0x30) {
            qrData_.assign(params.begin() + 1, params.end());
        } else {
            out.push_back(head(in, std::min<std::size_t>(8, total)));
        }
        break;
    case kQrPrint:
        flushLine(out, false);
        if (!qrData_.empty())
            out.push_back(QrCode{qrData_, qrModel_, qrModuleSize_, qrLevel_, style_.align});
        break;
    default:
        out.push_back(head(in, std::min<std::size_t>(8, total)));
        break;
    }
    return total;
}

} // namespace hall::drivers::printer
