// SerialFramer: every terminator, codes split across reads, overflow and resynchronisation,
// garbage, prefix/suffix, encoding, stale partial codes.
#include "drivers/scanner/serial_framer.h"
#include "tests/drivers/scanner/scanner_test_support.h"

#include <doctest/doctest.h>
#include <random>
#include <string>
#include <vector>

using namespace hall::drivers::scanner;
using scanner_test::FrameLog;
using Strings = std::vector<std::string>;

namespace {

std::span<const std::uint8_t> bytes(std::string_view s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

FramingSettings with(Terminator t) {
    FramingSettings s;
    s.terminator = t;
    return s;
}

// Feeds the stream in one go, then byte by byte, then in chunks of 3: same result each time.
Strings frameAllWays(const FramingSettings& settings, std::string_view stream) {
    Strings first;
    for (std::size_t chunk : {stream.size(), std::size_t{1}, std::size_t{3}}) {
        SerialFramer framer(settings);
        FrameLog log;
        auto sink = log.sink();
        for (std::size_t i = 0; i < stream.size(); i += std::max<std::size_t>(chunk, 1))
            framer.feed(bytes(stream.substr(i, chunk)), sink);
        if (chunk == stream.size())
            first = log.out;
        else
            CHECK(log.out == first);
    }
    return first;
}

} // namespace

TEST_CASE("each terminator ends a code") {
    CHECK(frameAllWays(with(Terminator::CR), "HALL-APPT:AB12CD34\r202405170012\r") ==
          Strings{"HALL-APPT:AB12CD34", "202405170012"});
    CHECK(frameAllWays(with(Terminator::LF), "A1\nB2\n") == Strings{"A1", "B2"});
    CHECK(frameAllWays(with(Terminator::Tab), "A1\tB2\t") == Strings{"A1", "B2"});
    CHECK(frameAllWays(with(Terminator::CRLF), "A1\r\nB2\r\n") == Strings{"A1", "B2"});
}

TEST_CASE("the other line ends are text, or nothing, under a given terminator") {
    // CRLF: a CR not followed by LF belongs to the code; a lone LF too.
    CHECK(frameAllWays(with(Terminator::CRLF), "A\rB\r\r\n") == Strings{"A\rB\r"});
    CHECK(frameAllWays(with(Terminator::CRLF), "A\nB\r\n") == Strings{"A\nB"});
    // CR mode fed CR LF: the LF starts the next code (the classifier ignores it); empty frames
    // (a lone terminator) are not codes.
    CHECK(frameAllWays(with(Terminator::CR), "A1\r\nB2\r\r\r") == Strings{"A1", "\nB2"});
    CHECK(frameAllWays(with(Terminator::LF), "A1\r\n") == Strings{"A1\r"});
}

TEST_CASE("no terminator: the idle pause ends a code") {
    FramingSettings s = with(Terminator::None);
    s.idleTimeout = std::chrono::milliseconds(50);
    SerialFramer framer(s);
    FrameLog log;
    auto sink = log.sink();
    CHECK_FALSE(framer.idleWait().has_value());
    framer.feed(bytes("HALL-APPT:"), sink);
    framer.feed(bytes("AB12CD34"), sink);
    CHECK(log.out.empty());
    REQUIRE(framer.idleWait().has_value());
    CHECK(*framer.idleWait() == std::chrono::milliseconds(50));
    framer.idle(sink);
    CHECK(log.out == Strings{"HALL-APPT:AB12CD34"});
    CHECK_FALSE(framer.idleWait().has_value());
    framer.idle(sink); // nothing pending: nothing happens
    CHECK(log.out.size() == 1);
    // CR and LF are ordinary bytes here.
    framer.feed(bytes("A\r\nB"), sink);
    framer.idle(sink);
    CHECK(log.out == Strings{"HALL-APPT:AB12CD34", "A\r\nB"});
}

TEST_CASE("a partial code followed by a long pause is dropped, not glued to the next") {
    FramingSettings s = with(Terminator::CR);
    SerialFramer framer(s);
    FrameLog log;
    auto sink = log.sink();
    framer.feed(bytes("HALL-AP"), sink);
    REQUIRE(framer.idleWait().has_value());
    CHECK(*framer.idleWait() == s.staleAfter);
    framer.idle(sink);
    framer.feed(bytes("202405170012\r"), sink);
    CHECK(log.out == Strings{"!incomplete_code", "202405170012"});

    // CRLF: a pending CR counts as part of the abandoned code.
    SerialFramer crlf(with(Terminator::CRLF));
    FrameLog log2;
    auto sink2 = log2.sink();
    crlf.feed(bytes("\r"), sink2);
    REQUIRE(crlf.idleWait().has_value());
    crlf.idle(sink2);
    crlf.feed(bytes("X\r\n"), sink2);
    CHECK(log2.out == Strings{"!incomplete_code", "X"});
}

TEST_CASE("overflow: one Retry error, resynchronised at the next terminator") {
    FramingSettings s = with(Terminator::CR);
    s.limits.maxPayload = 16;
    const std::string exact(16, 'A');
    const std::string over(17, 'B');
    CHECK(frameAllWays(s, exact + "\r") == Strings{exact});
    CHECK(frameAllWays(s, over + "\r") == Strings{"!code_too_long"});
    // Much longer: still one error; the code after the terminator is intact.
    CHECK(frameAllWays(s, std::string(5000, 'C') + "\rHALL-APPT:AB12CD\r") ==
          Strings{"!code_too_long", "HALL-APPT:AB12CD"});

    // The default limit is 4 KiB.
    CHECK(FramingSettings{}.limits.maxPayload == 4096);
    CHECK(frameAllWays(FramingSettings{}, std::string(4096, 'x') + "\r").front().size() == 4096);
    CHECK(frameAllWays(FramingSettings{}, std::string(4097, 'x') + "\r") ==
          Strings{"!code_too_long"});
}

TEST_CASE("overflow in CRLF and no-terminator modes") {
    FramingSettings s = with(Terminator::CRLF);
    s.limits.maxPayload = 4;
    CHECK(frameAllWays(s, "ABCD\r\n") == Strings{"ABCD"});
    CHECK(frameAllWays(s, "ABC\r\r\n") == Strings{"ABC\r"}); // the text CR counts
    CHECK(frameAllWays(s, "ABCD\rX\r\nOK\r\n") == Strings{"!code_too_long", "OK"});

    FramingSettings none = with(Terminator::None);
    none.limits.maxPayload = 4;
    SerialFramer framer(none);
    FrameLog log;
    auto sink = log.sink();
    framer.feed(bytes("ABCDEFGH"), sink);
    framer.idle(sink); // the pause ends the overflowed code silently (already reported)
    framer.feed(bytes("OK"), sink);
    framer.idle(sink);
    CHECK(log.out == Strings{"!code_too_long", "OK"});
}

TEST_CASE("prefix and suffix are stripped; a frame missing them is refused") {
    FramingSettings s = with(Terminator::CR);
    s.limits.prefix = "\x02"; // STX
    s.limits.suffix = "\x03"; // ETX
    CHECK(frameAllWays(s, "\x02HALL-APPT:AB12CD34\x03\r") == Strings{"HALL-APPT:AB12CD34"});
    CHECK(frameAllWays(s, "APPT:AB12CD34\x03\r") == Strings{"!bad_frame"}); // head lost
    CHECK(frameAllWays(s, "\x02HALL-APPT:AB\r") == Strings{"!bad_frame"});  // tail lost
    CHECK(frameAllWays(s, "\x02\x03\r") == Strings{"!empty_code"});
    CHECK(frameAllWays(s, "\x02"
                          "A\x03\r\x02"
                          "B\x03\r") == Strings{"A", "B"});

    // The limit is on the code text, not on the framing around it.
    s.limits.maxPayload = 2;
    CHECK(frameAllWays(s, "\x02"
                          "AB\x03\r") == Strings{"AB"});
    CHECK(frameAllWays(s, "\x02"
                          "ABC\x03\r") == Strings{"!code_too_long"});

    // Multi-byte AIM-style prefix.
    FramingSettings aim = with(Terminator::LF);
    aim.limits.prefix = "]Q1";
    CHECK(frameAllWays(aim, "]Q1https://eid.example.gov.cn/v\n") ==
          Strings{"https://eid.example.gov.cn/v"});
}

TEST_CASE("invalid UTF-8 is a Retry error; valid multi-byte text passes") {
    CHECK(frameAllWays(with(Terminator::CR), "\xe7\x94\xb5\xe5\xad\x90\r") ==
          Strings{"\xe7\x94\xb5\xe5\xad\x90"});
    CHECK(frameAllWays(with(Terminator::CR), "HALL-APPT:\xb5\xe7\rOK\r") ==
          Strings{"!bad_encoding", "OK"});
    // A multi-byte character split across reads is put back together (frameAllWays splits it).
    CHECK(frameAllWays(with(Terminator::CR), "\xf0\x9f\x98\x80\r") == Strings{"\xf0\x9f\x98\x80"});
}

TEST_CASE("garbage never breaks the framer: the next clean code comes through") {
    std::mt19937 rng(20240517);
    for (int round = 0; round < 200; ++round) {
        FramingSettings s = with(static_cast<Terminator>(round % 4)); // CR, LF, CRLF, Tab
        s.limits.maxPayload = 64;
        SerialFramer framer(s);
        FrameLog log;
        auto sink = log.sink();
        std::string noise(static_cast<std::size_t>(rng() % 300), '\0');
        for (auto& c : noise)
            c = static_cast<char>(rng() % 256);
        framer.feed(bytes(noise), sink);
        // Whatever the noise left pending ends with a pause (dropped) or a terminator.
        if (framer.idleWait()) framer.idle(sink);
        const std::string term = s.terminator == Terminator::CR     ? "\r"
                                 : s.terminator == Terminator::LF   ? "\n"
                                 : s.terminator == Terminator::CRLF ? "\r\n"
                                                                    : "\t";
        log.out.clear();
        framer.feed(bytes("HALL-APPT:AB12CD34" + term), sink);
        CAPTURE(round);
        CHECK(log.out == Strings{"HALL-APPT:AB12CD34"});
    }
}

TEST_CASE("reset drops a partial code silently") {
    SerialFramer framer(with(Terminator::CR));
    FrameLog log;
    auto sink = log.sink();
    framer.feed(bytes("HALL-APPT:AB"), sink);
    framer.reset();
    CHECK_FALSE(framer.idleWait().has_value());
    framer.feed(bytes("OK\r"), sink);
    CHECK(log.out == Strings{"OK"});
}

TEST_CASE("terminator names") {
    for (auto t :
         {Terminator::CR, Terminator::LF, Terminator::CRLF, Terminator::Tab, Terminator::None})
        CHECK(parseTerminator(terminatorName(t)) == t);
    CHECK(parseTerminator("CRLF") == Terminator::CRLF);
    CHECK_FALSE(parseTerminator("enter").has_value());
    CHECK_FALSE(parseTerminator("").has_value());
}

TEST_CASE("unusable framing settings are refused with a reason") {
    auto refused = [](FramingSettings s) {
        auto e = checkFramingSettings(s);
        CHECK_THROWS_AS(SerialFramer{s}, std::invalid_argument);
        return e.value_or("");
    };
    FramingSettings s;
    s.limits.maxPayload = 0;
    CHECK(refused(s).find("maximum code length") != std::string::npos);
    s = {};
    s.limits.maxPayload = 1 << 20;
    CHECK(refused(s).find("maximum code length") != std::string::npos);
    s = with(Terminator::None);
    s.idleTimeout = std::chrono::milliseconds(0);
    CHECK(refused(s).find("idle timeout") != std::string::npos);
    s = {};
    s.staleAfter = std::chrono::milliseconds(0);
    CHECK(refused(s).find("partial-code") != std::string::npos);
    s = with(Terminator::CR);
    s.limits.suffix = "\r";
    CHECK(refused(s).find("contains the terminator") != std::string::npos);
    s = with(Terminator::CRLF);
    s.limits.prefix = "\r\n";
    CHECK(refused(s).find("contains the terminator") != std::string::npos);
    s = {};
    s.limits.prefix = std::string(33, 'p');
    CHECK(refused(s).find("prefix and suffix") != std::string::npos);
    // A lone CR in a CRLF-mode suffix is fine.
    s = with(Terminator::CRLF);
    s.limits.suffix = "\r";
    CHECK_FALSE(checkFramingSettings(s).has_value());
}

TEST_CASE("error messages name no code bytes") {
    FramingSettings s = with(Terminator::CR);
    s.limits.maxPayload = 8;
    s.limits.prefix = "\x02";
    SerialFramer framer(s);
    std::vector<std::string> messages;
    hall::drivers::scanner::FrameSink sink{[](std::string&) {},
                                           [&](const hall::drivers::DeviceError& e) {
                                               CHECK(e.category ==
                                                     hall::drivers::ErrorCategory::Retry);
                                               messages.push_back(e.message);
                                           }};
    framer.feed(bytes("\x02SECRET1234567\r"), sink); // too long
    framer.feed(bytes("SECRET12\r"), sink);          // no prefix
    framer.feed(bytes("\x02SEC\xffRET\r"), sink);    // not UTF-8
    framer.feed(bytes("\x02SECRET"), sink);
    framer.idle(sink); // incomplete
    REQUIRE(messages.size() == 4);
    for (const auto& m : messages) {
        CAPTURE(m);
        CHECK(m.find("SECRET") == std::string::npos);
        CHECK(m.find("SEC") == std::string::npos);
        CHECK_FALSE(m.empty());
    }
}
