// Fuzzes the ESC/POS decoder (the printer twin's input) with arbitrary streams in arbitrary
// pieces, and the encoder's text path with arbitrary UTF-8.
//
// Input: byte 0 picks the piece size (1..64) and Chinese mode at power-on; the rest is the
// stream. Invariants (a crash when broken):
//  - the stream decodes to the same elements whole or in pieces;
//  - the decoder holds no more than the largest command it keeps whole (a raster image of the
//    maximum size) plus a line;
//  - every text line is valid UTF-8 within the line limit, every style in range;
//  - the first 200 bytes, written as a text line by the encoder, decode to the text the
//    encoder says it wrote: the same text when nothing was replaced.
#include "drivers/printer/escpos_decoder.h"
#include "drivers/printer/escpos_writer.h"
#include "drivers/printer/gb18030.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

using namespace hall::drivers::printer;

namespace {

void check(bool ok) {
    if (!ok) __builtin_trap();
}

bool validUtf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto lead = static_cast<unsigned char>(s[i]);
        const std::size_t len = utf8SequenceLength(lead);
        if (lead >= 0x80 && len == 1) return false;
        if (i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

constexpr std::size_t kMaxHeld =
    8 + (MonoBitmap::kMaxWidth / 8) * MonoBitmap::kMaxHeight + EscPosDecoder::kMaxLineBytes + 8;

std::vector<Element> decode(std::span<const std::uint8_t> data, std::size_t piece, bool chinese) {
    EscPosDecoder d(EscPosDecoder::Options{chinese});
    std::vector<Element> out;
    for (std::size_t i = 0; i < data.size(); i += piece) {
        d.feed(data.subspan(i, std::min(piece, data.size() - i)), out);
        check(d.buffered() <= kMaxHeld);
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::size_t piece = 1 + data[0] % 64;
    const bool chinese = (data[0] & 0x80) != 0;
    const std::span<const std::uint8_t> stream(data + 1, size - 1);

    const auto whole = decode(stream, stream.size() + 1, chinese);
    check(whole == decode(stream, piece, chinese));
    for (const auto& e : whole) {
        if (const auto* t = std::get_if<TextLine>(&e)) {
            check(validUtf8(t->text));
            check(t->text.size() <= 2 * EscPosDecoder::kMaxLineBytes);
            check(t->style.width >= 1 && t->style.width <= 8);
            check(t->style.height >= 1 && t->style.height <= 8);
        } else if (const auto* img = std::get_if<RasterImage>(&e)) {
            check(img->bitmap.width() <= MonoBitmap::kMaxWidth);
            check(img->bitmap.height() <= MonoBitmap::kMaxHeight);
        } else if (const auto* q = std::get_if<QrCode>(&e)) {
            check(!q->payload.empty() && q->payload.size() <= 7089);
        }
    }

    const std::string text(reinterpret_cast<const char*>(stream.data()),
                           std::min<std::size_t>(stream.size(), 200));
    EscPosWriter w;
    w.line(text);
    const auto encoded = utf8ToGb18030(text);
    const auto back = decode(w.bytes(), w.bytes().size() + 1, false);
    check(back.size() == 1);
    const auto& line = std::get<TextLine>(back[0]);
    check(line.text == gb18030ToUtf8(encoded.bytes));
    if (w.replacedCharacters() == 0) check(line.text == text);
    return 0;
}
