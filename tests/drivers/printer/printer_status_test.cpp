// Status bytes both ways (DLE EOT answers, ASB blocks), sorting a mixed reply stream, and what
// a status means for a job.
#include "drivers/printer/printer_status.h"

#include <doctest/doctest.h>

using namespace hall::drivers::printer;
using hall::drivers::ErrorCategory;

namespace {

PrinterStatus fromBits(unsigned bits) {
    PrinterStatus s;
    s.offline = bits & 1;
    s.coverOpen = bits & 2;
    s.paperOut = bits & 4;
    s.paperNearEnd = bits & 8;
    s.cutterError = bits & 16;
    s.unrecoverableError = bits & 32;
    s.autoRecoverableError = bits & 64;
    s.recoverableError = bits & 128;
    s.feedButton = bits & 256;
    return s;
}

} // namespace

TEST_CASE("real-time answers carry every flag and keep the fixed bits") {
    for (unsigned bits = 0; bits < 512; ++bits) {
        const auto s = fromBits(bits);
        PrinterStatus back;
        for (auto q : {StatusQuery::Printer, StatusQuery::OfflineCause, StatusQuery::ErrorCause,
                       StatusQuery::Paper}) {
            const auto b = realTimeStatusByte(s, q);
            CHECK(isRealTimeStatusByte(b));
            CHECK(!isAsbFirstByte(b));
            CHECK(applyRealTimeStatus(back, q, b));
        }
        CHECK(back.offline == s.offline);
        CHECK(back.coverOpen == s.coverOpen);
        CHECK(back.paperOut == s.paperOut);
        CHECK(back.paperNearEnd == s.paperNearEnd);
        CHECK(back.cutterError == s.cutterError);
        CHECK(back.unrecoverableError == s.unrecoverableError);
        CHECK(back.autoRecoverableError == s.autoRecoverableError);
        CHECK(back.recoverableError == s.recoverableError);
        CHECK(back.feedButton == s.feedButton);
    }
}

TEST_CASE("known answer bytes") {
    PrinterStatus s;
    CHECK(realTimeStatusByte(s, StatusQuery::Printer) == 0x12);
    CHECK(realTimeStatusByte(s, StatusQuery::Paper) == 0x12);
    s.paperOut = true;
    s.paperNearEnd = true;
    CHECK(realTimeStatusByte(s, StatusQuery::Paper) == 0x7E); // 0x12 | 0x0C | 0x60
    PrinterStatus cover;
    cover.coverOpen = true;
    CHECK(realTimeStatusByte(cover, StatusQuery::OfflineCause) == 0x16);
    PrinterStatus r;
    CHECK(!applyRealTimeStatus(r, StatusQuery::Paper, 0x00)); // not an answer: unchanged
    CHECK(r == PrinterStatus{});
}

TEST_CASE("ASB blocks round-trip and are told apart from answers") {
    for (unsigned bits = 0; bits < 512; ++bits) {
        auto s = fromBits(bits);
        const auto block = asbBlock(s);
        CHECK(isAsbFirstByte(block[0]));
        const auto back = parseAsb(block);
        REQUIRE(back);
        CHECK(back->offline == s.offline);
        CHECK(back->coverOpen == s.coverOpen);
        CHECK(back->paperOut == s.paperOut);
        CHECK(back->paperNearEnd == s.paperNearEnd);
        CHECK(back->cutterError == s.cutterError);
        CHECK(back->unrecoverableError == s.unrecoverableError);
    }
    const std::uint8_t notAsb[4] = {0x12, 0, 0, 0};
    CHECK(!parseAsb(notAsb));
}

TEST_CASE("the reply parser sorts answers, ASB blocks and noise") {
    PrinterStatus out;
    out.paperOut = true;
    const auto block = asbBlock(out);
    std::vector<std::uint8_t> stream = {0x12, 0xFF};
    stream.insert(stream.end(), block.begin(), block.end());
    stream.push_back(0x16);
    StatusReplyParser p;
    p.feed(std::span(stream).first(4)); // an ASB block split across reads
    p.feed(std::span(stream).subspan(4));
    CHECK(p.nextAnswer() == 0x12);
    CHECK(p.nextAnswer() == 0x16);
    CHECK(!p.nextAnswer());
    const auto asb = p.nextAsb();
    REQUIRE(asb);
    CHECK(asb->paperOut);
    CHECK(p.noise() == 1);
}

TEST_CASE("what stops a job, and in which category") {
    CHECK(!blockingProblem(PrinterStatus{}));
    PrinterStatus low;
    low.paperNearEnd = true;
    CHECK(!blockingProblem(low)); // near end: printing goes on
    auto check = [](PrinterStatus s, const char* code, ErrorCategory cat) {
        const auto p = blockingProblem(s);
        REQUIRE(p);
        CHECK(p->code == code);
        CHECK(p->category == cat);
        CHECK(!p->message.empty());
    };
    check(fromBits(4 | 1), "paper_out", ErrorCategory::Retry);
    check(fromBits(2 | 1), "cover_open", ErrorCategory::Retry);
    check(fromBits(16 | 1), "cutter_error", ErrorCategory::Device);
    check(fromBits(32), "printer_fault", ErrorCategory::Device);
    check(fromBits(64), "printer_error", ErrorCategory::Device);
    check(fromBits(1), "offline", ErrorCategory::Device);
    CHECK(describe(fromBits(4 | 8)) == "paper out, paper near end");
    CHECK(describe({}) == "ok");
}
