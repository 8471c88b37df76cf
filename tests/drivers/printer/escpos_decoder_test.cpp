// The decoder reads back what the encoder writes, in any pieces, within bounded memory.
#include "drivers/printer/escpos_decoder.h"
#include "drivers/printer/escpos_writer.h"

#include <doctest/doctest.h>

using namespace hall::drivers::printer;
using Bytes = std::vector<std::uint8_t>;

namespace {

std::vector<Element> decode(const Bytes& bytes) {
    EscPosDecoder d;
    std::vector<Element> out;
    d.feed(bytes, out);
    return out;
}

Bytes sample() {
    MonoBitmap logo(16, 3);
    for (int x = 0; x < 16; x += 2)
        logo.set(x, 1, true);
    EscPosWriter w;
    w.init()
        .align(Align::Centre)
        .image(logo)
        .bold(true)
        .size(1, 2)
        .line("XX市政务服务中心")
        .bold(false)
        .size(4, 4)
        .line("A012")
        .size(1, 1)
        .qr("https://q.example/t/A012", {6, QrErrorLevel::M})
        .align(Align::Left)
        .code128("A012{x")
        .text("未完")
        .feed(3)
        .cut();
    return w.take();
}

} // namespace

TEST_CASE("a ticket decodes into its elements with their styles") {
    const auto out = decode(sample());
    REQUIRE(out.size() == 9);
    CHECK(std::holds_alternative<Initialise>(out[0]));
    const auto& img = std::get<RasterImage>(out[1]);
    CHECK(img.bitmap.width() == 16);
    CHECK(img.bitmap.height() == 3);
    CHECK(img.bitmap.at(2, 1));
    CHECK(!img.bitmap.at(3, 1));
    CHECK(img.align == Align::Centre);
    CHECK(std::get<TextLine>(out[2]) == TextLine{"XX市政务服务中心", {Align::Centre, 1, 2, true}});
    CHECK(std::get<TextLine>(out[3]) == TextLine{"A012", {Align::Centre, 4, 4, false}});
    const auto& qr = std::get<QrCode>(out[4]);
    CHECK(qr.payload == "https://q.example/t/A012");
    CHECK(qr.moduleSize == 6);
    CHECK(qr.level == QrErrorLevel::M);
    CHECK(qr.model == 2);
    CHECK(qr.align == Align::Centre);
    const auto& bc = std::get<Barcode>(out[5]);
    CHECK(bc.system == 73);
    CHECK(bc.data == "A012{x");
    CHECK(bc.text == BarcodeText::Below);
    // ESC d 3 prints the pending text as the first of its three lines.
    CHECK(std::get<TextLine>(out[6]).text == "未完");
    CHECK(std::get<Feed>(out[7]).lines == 2);
    CHECK(std::get<PaperCut>(out[8]).partial);
}

TEST_CASE("fed in any pieces, the stream decodes the same") {
    const auto bytes = sample();
    const auto whole = decode(bytes);
    for (std::size_t chunk : {1u, 2u, 3u, 7u, 64u}) {
        EscPosDecoder d;
        std::vector<Element> out;
        for (std::size_t i = 0; i < bytes.size(); i += chunk)
            d.feed(std::span(bytes).subspan(i, std::min(chunk, bytes.size() - i)), out);
        CHECK(out == whole);
        CHECK(d.buffered() == 0);
    }
}

TEST_CASE("status queries and ASB requests are reported in stream order") {
    const Bytes bytes = {'A', 0x10, 0x04, 0x01, 0x10, 0x04, 0x04, 0x1D, 0x61, 0x0E, 0x0A};
    const auto out = decode(bytes);
    REQUIRE(out.size() == 4);
    CHECK(std::get<StatusRequest>(out[0]).n == 1);
    CHECK(std::get<StatusRequest>(out[1]).n == 4);
    CHECK(std::get<AsbRequest>(out[2]).mask == 0x0E);
    CHECK(std::get<TextLine>(out[3]).text == "A");
}

TEST_CASE("ESC @ resets styles and Chinese mode, and drops the unprinted line") {
    const Bytes bytes = {0x1C, 0x26, 0x1B, 0x45, 0x01, 'x', 0x1B, 0x40, 0xBA, 0xC5, 0x0A};
    const auto out = decode(bytes);
    REQUIRE(out.size() == 2);
    CHECK(std::holds_alternative<Initialise>(out[0]));
    // Outside Chinese mode BA C5 are two code-page characters this decoder does not map.
    CHECK(std::get<TextLine>(out[1]) == TextLine{"??", {}});
}

TEST_CASE("commands outside the modelled set are skipped by their length") {
    // ESC t 0x11 (code page), ESC p 0 25 250 (drawer), GS L 0 0 (margin), then text.
    const Bytes bytes = {0x1B, 't', 0x11, 0x1B, 'p', 0, 25, 250, 0x1D, 'L', 0, 0, 'o', 'k', 0x0A};
    const auto out = decode(bytes);
    REQUIRE(out.size() == 1);
    CHECK(std::get<TextLine>(out[0]).text == "ok");
    // An unknown ESC command is reported, and skipped by two bytes.
    const auto unknown = decode({0x1B, 0x01, 'x', 0x0A});
    REQUIRE(unknown.size() == 2);
    CHECK(std::get<Unsupported>(unknown[0]).head == Bytes{0x1B, 0x01});
}

TEST_CASE("an oversized raster is skipped as it arrives, not buffered") {
    // GS v 0 with 200 bytes per row (1600 dots, beyond any head) and 4000 rows: 800,000 bytes.
    Bytes header = {0x1D, 0x76, 0x30, 0x00, 200, 0, 0xA0, 0x0F};
    EscPosDecoder d;
    std::vector<Element> out;
    d.feed(header, out);
    const Bytes block(10'000, 0xFF);
    for (int i = 0; i < 80; ++i) {
        d.feed(block, out);
        CHECK(d.buffered() == 0);
    }
    d.feed(Bytes{'o', 'k', 0x0A}, out);
    REQUIRE(out.size() == 2);
    CHECK(std::holds_alternative<Unsupported>(out[0]));
    CHECK(std::get<TextLine>(out[1]).text == "ok");
}

TEST_CASE("a very long line is cut, not grown without bound") {
    Bytes bytes(EscPosDecoder::kMaxLineBytes + 10, 'x');
    bytes.push_back(0x0A);
    const auto out = decode(bytes);
    REQUIRE(out.size() == 2);
    CHECK(std::get<TextLine>(out[0]).text.size() == EscPosDecoder::kMaxLineBytes);
    CHECK(std::get<TextLine>(out[1]).text.size() == 10);
}

TEST_CASE("GS V variants: immediate and feed-then-cut, full and partial") {
    const auto out = decode({0x1D, 0x56, 0x00, 0x1D, 0x56, 0x31, 0x1D, 0x56, 0x41, 0x03});
    REQUIRE(out.size() == 3);
    CHECK(!std::get<PaperCut>(out[0]).partial);
    CHECK(std::get<PaperCut>(out[1]).partial);
    CHECK(!std::get<PaperCut>(out[2]).partial);
}

TEST_CASE("CODE128 code sets decode to the characters they carry") {
    const Bytes setC = {'{', 'C', 1, 23, 99, '{', 'B', 'x', '{', '{'};
    CHECK(decodeCode128(setC) == "012399x{");
}
