// The exact bytes of a known ticket, against a checked-in hex file, and its text rendering
// against a checked-in text file.
//
// A change to the layout or the encoder that changes a single byte fails here. When the change
// is intended, regenerate both files and review their diff before committing:
//
//   HALL_REGENERATE_GOLDEN=1 build/default/tests/drivers/printer/printer_tests -tc='golden*'
//
// The test then writes data/ticket_80mm.hex and data/ticket_80mm.txt in the source tree (and
// still fails, so a regeneration never passes silently in CI).
#include "drivers/printer/escpos_decoder.h"
#include "drivers/printer/ticket_layout.h"
#include "drivers/printer/twin/ticket_text.h"

#include <cstdio>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace hall::drivers::printer;

namespace {

const std::filesystem::path kData = HALL_PRINTER_TEST_DATA;

// A 96×48 logo: a frame 6 dots thick round a diagonal band, so rows, bit order and the text
// rendering's blocks all show.
MonoBitmap logo() {
    MonoBitmap bm(96, 48);
    for (int y = 0; y < 48; ++y)
        for (int x = 0; x < 96; ++x) {
            const bool frame = x < 6 || x >= 90 || y < 6 || y >= 42;
            const bool band = x / 2 - y >= -6 && x / 2 - y <= 6;
            bm.set(x, y, frame || band);
        }
    return bm;
}

TicketBytes knownTicket() {
    TicketLayoutSettings s;
    s.paper = PaperWidth::Mm80;
    s.logo = logo();
    s.advice = "请携带本人身份证原件，过号请重新取号。办理进度可在“政务服务”小程序查询。";
    Ticket t;
    t.hallName = "XX市政务服务中心";
    t.number = "A012";
    t.serviceName = "社保医保综合窗口";
    t.peopleAhead = 5;
    t.waitMinutes = 15;
    t.issuedAt = {2024, 5, 6, 9, 31};
    t.followUrl = "https://hall.example.gov.cn/q/A012?d=20240506&s=7f3a";
    return TicketLayout(s).render(t);
}

std::string hex(const std::vector<std::uint8_t>& bytes) {
    std::string out;
    char b[4];
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        std::snprintf(b, sizeof b, "%02x", bytes[i]);
        out += b;
        out += (i % 16 == 15 || i + 1 == bytes.size()) ? '\n' : ' ';
    }
    return out;
}

std::vector<std::uint8_t> unhex(const std::string& text) {
    std::vector<std::uint8_t> out;
    std::istringstream in(text);
    std::string word;
    while (in >> word)
        out.push_back(static_cast<std::uint8_t>(std::stoul(word, nullptr, 16)));
    return out;
}

std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string rendered(const TicketBytes& b) {
    EscPosDecoder d;
    std::vector<Element> out;
    d.feed(b.bytes, out);
    return renderTicketText(out, 48);
}

} // namespace

TEST_CASE("golden: the bytes of a known 80 mm ticket") {
    const auto ticket = knownTicket();
    CHECK(ticket.replacedCharacters == 0);
    if (std::getenv("HALL_REGENERATE_GOLDEN")) {
        std::ofstream(kData / "ticket_80mm.hex") << hex(ticket.bytes);
        std::ofstream(kData / "ticket_80mm.txt") << rendered(ticket);
        FAIL("regenerated " << (kData / "ticket_80mm.hex") << " and ticket_80mm.txt: review "
                            << "their diff, then run again without HALL_REGENERATE_GOLDEN");
    }
    const auto expected = unhex(readFile(kData / "ticket_80mm.hex"));
    REQUIRE_MESSAGE(!expected.empty(), "missing " << (kData / "ticket_80mm.hex"));
    std::size_t at = 0;
    while (at < expected.size() && at < ticket.bytes.size() && expected[at] == ticket.bytes[at])
        ++at;
    INFO("first difference at byte " << at << " of " << expected.size());
    CHECK(ticket.bytes == expected);
}

TEST_CASE("golden: the same ticket as the twin renders it") {
    const std::string expected = readFile(kData / "ticket_80mm.txt");
    REQUIRE(!expected.empty());
    CHECK(rendered(knownTicket()) == expected);
}
