// Ticket layout settings per hall, and logo bitmaps.
#include "drivers/printer/escpos_decoder.h"
#include "drivers/printer/ticket_layout.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace hall::drivers::printer;

namespace {

Ticket ticket() {
    Ticket t;
    t.hallName = "XX市政务服务中心";
    t.number = "A012";
    t.serviceName = "社保医保综合窗口";
    t.peopleAhead = 5;
    t.waitMinutes = 15;
    t.issuedAt = {2024, 5, 6, 9, 31};
    t.followUrl = "https://q.example/t/A012";
    return t;
}

std::vector<std::string> lines(const TicketBytes& b) {
    EscPosDecoder d;
    std::vector<Element> out;
    d.feed(b.bytes, out);
    std::vector<std::string> texts;
    for (const auto& e : out)
        if (const auto* t = std::get_if<TextLine>(&e)) texts.push_back(t->text);
    return texts;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

int count(const TicketBytes& b, auto pred) {
    EscPosDecoder d;
    std::vector<Element> out;
    d.feed(b.bytes, out);
    return static_cast<int>(std::count_if(out.begin(), out.end(), pred));
}

} // namespace

TEST_CASE("every part of the ticket can be switched off") {
    TicketLayoutSettings s;
    s.advice = "请携带身份证原件";
    const auto all = lines(TicketLayout(s).render(ticket()));
    CHECK(has(all, "XX市政务服务中心"));
    CHECK(has(all, "社保医保综合窗口"));
    CHECK(has(all, "A012"));
    CHECK(has(all, "您前面还有 5 人等候"));
    CHECK(has(all, "预计等候约 15 分钟"));
    CHECK(has(all, "微信扫码，随时查看排队进度"));
    CHECK(has(all, "请携带身份证原件"));
    CHECK(has(all, "取号时间：2024-05-06 09:31"));

    s.show = {false, false, false, false, false, false, false, false};
    const auto bare = TicketLayout(s).render(ticket());
    CHECK(lines(bare) == std::vector<std::string>{"A012"});
    CHECK(count(bare, [](const Element& e) { return std::holds_alternative<QrCode>(e); }) == 0);
    CHECK(count(bare, [](const Element& e) { return std::holds_alternative<PaperCut>(e); }) == 1);
}

TEST_CASE("no one ahead, no estimate, no URL, the ticket's own advice") {
    auto t = ticket();
    t.peopleAhead = 0;
    t.waitMinutes.reset();
    t.followUrl.clear();
    t.advice = "今日窗口已满";
    TicketLayoutSettings s;
    s.advice = "the hall's advice";
    const auto b = TicketLayout(s).render(t);
    const auto l = lines(b);
    CHECK(has(l, "您前面没有人等候，请留意叫号"));
    CHECK(!has(l, "预计等候约 15 分钟"));
    CHECK(has(l, "今日窗口已满"));
    CHECK(!has(l, "the hall's advice"));
    CHECK(count(b, [](const Element& e) { return std::holds_alternative<QrCode>(e); }) == 0);
}

TEST_CASE("58 mm paper wraps at 32 columns and shrinks a big number to fit") {
    TicketLayoutSettings s;
    s.paper = PaperWidth::Mm58;
    s.numberSize = 8;
    s.advice = std::string(40, 'a');
    auto t = ticket();
    t.number = "VIP0123"; // 7 columns: 8× would be 56, 4× is 28
    const auto b = TicketLayout(s).render(t);
    EscPosDecoder d;
    std::vector<Element> out;
    d.feed(b.bytes, out);
    bool sawNumber = false;
    for (const auto& e : out)
        if (const auto* l = std::get_if<TextLine>(&e)) {
            CHECK(displayColumns(l->text) * l->style.width <= 32);
            if (l->text == "VIP0123") {
                sawNumber = true;
                CHECK(l->style.width == 4);
            }
        }
    CHECK(sawNumber);
    CHECK(has(lines(b), std::string(32, 'a')));
}

TEST_CASE("settings and tickets that cannot print are refused clearly") {
    TicketLayoutSettings s;
    s.logo = MonoBitmap(600, 10); // wider than 576 dots
    CHECK_THROWS_AS(TicketLayout{s}, std::invalid_argument);
    TicketLayoutSettings q;
    q.qr.moduleSize = 0;
    CHECK_THROWS_AS(TicketLayout{q}, std::invalid_argument);
    TicketLayout ok{TicketLayoutSettings{}};
    auto t = ticket();
    t.number.clear();
    CHECK_THROWS_AS(ok.render(t), std::invalid_argument);
    t = ticket();
    t.followUrl = std::string(3000, 'x');
    CHECK_THROWS_AS(ok.render(t), std::invalid_argument);
}

TEST_CASE("characters the printer cannot take are counted, and cannot inject commands") {
    auto t = ticket();
    t.serviceName = "窗口\x1B@"; // an ESC @ hidden in a service name from the controller
    t.hallName = "\xFF中心";
    const auto b = TicketLayout(TicketLayoutSettings{}).render(t);
    CHECK(b.replacedCharacters == 2);
    CHECK(has(lines(b), "窗口?@"));
    CHECK(count(b, [](const Element& e) { return std::holds_alternative<Initialise>(e); }) == 1);
}

TEST_CASE("PBM logos: binary and plain, padding bits cleared, bad files refused") {
    const std::string p1 = "P1\n# a comment\n3 2\n1 0 1\n0 1 0\n";
    const auto a = parsePbm(p1);
    CHECK(a.width() == 3);
    CHECK(a.height() == 2);
    CHECK(a.at(0, 0));
    CHECK(!a.at(1, 0));
    CHECK(a.at(1, 1));
    std::string p4 = "P4\n3 2\n";
    p4 += static_cast<char>(0xBF); // 101 + padding bits set
    p4 += static_cast<char>(0x5F); // 010 + padding
    const auto b = parsePbm(p4);
    CHECK(b == a);
    CHECK_THROWS_AS(parsePbm("P5\n1 1\n255\n\x01"), std::invalid_argument);
    CHECK_THROWS_AS(parsePbm("P4\n8 2\n\x01"), std::invalid_argument);
    CHECK_THROWS_AS(parsePbm("P1\n2000 1\n"), std::invalid_argument);
    CHECK_THROWS_AS(parsePbm("P1\n2 1\n1 2"), std::invalid_argument);
}
