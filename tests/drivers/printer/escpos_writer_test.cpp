// The encoder's bytes, command by command, against the ESC/POS reference (escpos.h).
#include "drivers/printer/escpos_writer.h"

#include <doctest/doctest.h>
#include <vector>

using namespace hall::drivers::printer;
using Bytes = std::vector<std::uint8_t>;

TEST_CASE("simple commands have their documented bytes") {
    CHECK(EscPosWriter().init().bytes() == Bytes{0x1B, 0x40});
    CHECK(EscPosWriter().align(Align::Centre).bytes() == Bytes{0x1B, 0x61, 0x01});
    CHECK(EscPosWriter().align(Align::Right).bytes() == Bytes{0x1B, 0x61, 0x02});
    CHECK(EscPosWriter().bold(true).bold(false).bytes() ==
          Bytes{0x1B, 0x45, 0x01, 0x1B, 0x45, 0x00});
    CHECK(EscPosWriter().size(2, 2).bytes() == Bytes{0x1D, 0x21, 0x11});
    CHECK(EscPosWriter().size(1, 1).bytes() == Bytes{0x1D, 0x21, 0x00});
    CHECK(EscPosWriter().size(8, 3).bytes() == Bytes{0x1D, 0x21, 0x72});
    CHECK(EscPosWriter().feed(3).bytes() == Bytes{0x1B, 0x64, 0x03});
    CHECK(EscPosWriter().cut().bytes() == Bytes{0x1D, 0x56, 0x42, 0x00});
    CHECK(EscPosWriter().cut(Cut::Full, 5).bytes() == Bytes{0x1D, 0x56, 0x41, 0x05});
    CHECK(EscPosWriter().line("A012").bytes() == Bytes{'A', '0', '1', '2', 0x0A});
}

TEST_CASE("Chinese text is wrapped in Chinese mode with GB18030 bytes") {
    EscPosWriter w;
    w.text("取号A1");
    // 取 = C8 A1, 号 = BA C5 in GB2312 (and so in GB18030).
    CHECK(w.bytes() == Bytes{0x1C, 0x26, 0xC8, 0xA1, 0xBA, 0xC5, 'A', '1', 0x1C, 0x2E});
    CHECK(w.replacedCharacters() == 0);
}

TEST_CASE("text cannot carry commands: control characters come out as '?'") {
    EscPosWriter w;
    w.text("A\x1B@B\x1DV\x7F");
    CHECK(w.bytes() == Bytes{'A', '?', '@', 'B', '?', 'V', '?'});
    CHECK(w.replacedCharacters() == 3);
}

TEST_CASE("QR code: model, module size, error level, store, print") {
    EscPosWriter w;
    w.qr("https://q.example/t/A012", {5, QrErrorLevel::Q});
    Bytes expected = {0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00, // model 2
                      0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 0x05,       // module 5 dots
                      0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x32,       // level Q
                      0x1D, 0x28, 0x6B, 27,   0x00, 0x31, 0x50, 0x30};      // store 24 bytes
    const std::string url = "https://q.example/t/A012";
    expected.insert(expected.end(), url.begin(), url.end());
    expected.insert(expected.end(), {0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30}); // print
    CHECK(w.bytes() == expected);
}

TEST_CASE("QR store length is little-endian over 255 bytes") {
    EscPosWriter w;
    w.qr(std::string(300, 'x'));
    const auto& b = w.bytes();
    // The store command starts after model (9), size (8) and level (8) commands.
    CHECK(b[25 + 3] == ((300 + 3) & 0xFF));
    CHECK(b[25 + 4] == ((300 + 3) >> 8));
}

TEST_CASE("CODE128 in format 2 with code set B and '{' doubled") {
    EscPosWriter w;
    w.code128("A{1", {60, 3, BarcodeText::Below});
    CHECK(w.bytes() == Bytes{0x1D, 0x68, 60, 0x1D, 0x77, 3, 0x1D, 0x48, 2, 0x1D, 0x6B, 0x49, 6, '{',
                             'B', 'A', '{', '{', '1'});
}

TEST_CASE("raster image: GS v 0 with bytes per row and rows little-endian") {
    MonoBitmap bm(10, 2); // 2 bytes per row
    bm.set(0, 0, true);
    bm.set(9, 1, true);
    EscPosWriter w;
    w.image(bm);
    CHECK(w.bytes() == Bytes{0x1D, 0x76, 0x30, 0x00, 2, 0, 2, 0, 0x80, 0x00, 0x00, 0x40});
}

TEST_CASE("bad parameters throw and append nothing") {
    EscPosWriter w;
    w.init();
    CHECK_THROWS_AS(w.size(0, 1), std::invalid_argument);
    CHECK_THROWS_AS(w.size(1, 9), std::invalid_argument);
    CHECK_THROWS_AS(w.qr(""), std::invalid_argument);
    CHECK_THROWS_AS(w.qr(std::string(2332, 'x'), {6, QrErrorLevel::M}), std::invalid_argument);
    CHECK_THROWS_AS(w.qr("x", {17, QrErrorLevel::M}), std::invalid_argument);
    CHECK_THROWS_AS(w.code128("é"), std::invalid_argument);
    CHECK_THROWS_AS(w.code128(std::string(254, '1')), std::invalid_argument);
    CHECK_THROWS_AS(w.code128("1", {80, 7, BarcodeText::None}), std::invalid_argument);
    CHECK_THROWS_AS(w.image(MonoBitmap()), std::invalid_argument);
    CHECK(w.bytes() == Bytes{0x1B, 0x40});
}
