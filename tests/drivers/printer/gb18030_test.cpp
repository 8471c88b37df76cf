// GB18030 text: encoder → decoder gives the same UTF-8 back; what cannot print is '?', counted.
#include "drivers/printer/escpos_decoder.h"
#include "drivers/printer/escpos_writer.h"
#include "drivers/printer/gb18030.h"
#include "drivers/printer/ticket_layout.h"

#include <doctest/doctest.h>
#include <variant>

using namespace hall::drivers::printer;

namespace {

// Writes each string as one line and decodes the bytes back into lines.
std::vector<std::string> roundTrip(const std::vector<std::string>& lines,
                                   Gb18030Options options = {}) {
    EscPosWriter w(options);
    for (const auto& l : lines)
        w.line(l);
    EscPosDecoder d;
    std::vector<Element> out;
    d.feed(w.bytes(), out);
    std::vector<std::string> back;
    for (const auto& e : out)
        if (const auto* t = std::get_if<TextLine>(&e)) back.push_back(t->text);
    return back;
}

} // namespace

TEST_CASE("GB18030 round trip: one-, two- and four-byte characters come back as sent") {
    const std::vector<std::string> lines = {
        "XX市政务服务中心",
        "社保医保综合窗口 A012",
        "请携带身份证原件，过号请重新取号。",
        "鑫龘𠀀𪚥", // 𠀀 (U+20000) and 𪚥 (U+2A6A5) need four bytes
        "€ ° ① ㈠ ｆｕｌｌ",
        "plain ascii: https://q.example/t?x=1&y=2",
        "😀",
        "",
    };
    CHECK(roundTrip(lines) == lines);
}

TEST_CASE("four-byte characters become '?' when the printer's font stops at GBK") {
    const auto enc = utf8ToGb18030("号𠀀😀A", {false});
    CHECK(enc.replaced == 2);
    CHECK(enc.bytes == std::vector<std::uint8_t>{0xBA, 0xC5, '?', '?', 'A'});
    CHECK(roundTrip({"号𠀀😀A"}, {false}) == std::vector<std::string>{"号??A"});
}

TEST_CASE("invalid UTF-8 is replaced character by character and counted") {
    // A stray continuation byte, a truncated 3-byte sequence before ASCII, an overlong form and
    // a cut-off sequence at the end.
    const std::string bad = "A\x80号\xE5\x8F"
                            "B\xC0\xAF"
                            "C\xE5";
    const auto enc = utf8ToGb18030(bad);
    const std::string back = gb18030ToUtf8(enc.bytes);
    CHECK(back == "A?号?B??C?");
    CHECK(enc.replaced == 5);
}

TEST_CASE("text is ASCII-only when it can be: no Chinese mode for numbers and URLs") {
    const auto enc = utf8ToGb18030("A012 09:31");
    CHECK(enc.ascii);
    CHECK(enc.replaced == 0);
    CHECK(!utf8ToGb18030("号").ascii);
}

TEST_CASE("decoding bad GB18030 gives '?' per bad byte") {
    const std::uint8_t bytes[] = {'A', 0xFF, 0xBA, 0xC5, 0x81};
    CHECK(gb18030ToUtf8(bytes) == "A?号?");
}

TEST_CASE("display columns: ASCII one, everything else two") {
    CHECK(displayColumns("A012") == 4);
    CHECK(displayColumns("取号A") == 5);
    CHECK(displayColumns("") == 0);
}

TEST_CASE("wrapping keeps hanzi whole and breaks ASCII at spaces") {
    CHECK(wrapText("请携带身份证原件", 6) == std::vector<std::string>{"请携带", "身份证", "原件"});
    CHECK(wrapText("请A携带", 4) == std::vector<std::string>{"请A", "携带"});
    CHECK(wrapText("take a number please", 10) ==
          std::vector<std::string>{"take a", "number", "please"});
    CHECK(wrapText("abcdefghijkl", 5) == std::vector<std::string>{"abcde", "fghij", "kl"});
    CHECK(wrapText("", 10).empty());
}
