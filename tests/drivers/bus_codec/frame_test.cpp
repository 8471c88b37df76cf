// The hall bus codec: CRC-16/MODBUS, byte stuffing, and the incremental decoder against every
// kind of bad input a shared RS-485 line produces.
#include "drivers/bus/crc16.h"
#include "drivers/bus/frame.h"
#include "drivers/bus/protocol.h"

#include <doctest/doctest.h>
#include <random>
#include <string_view>

using namespace hall::drivers::bus;

namespace {

std::vector<std::uint8_t> bytes(std::string_view s) {
    return {s.begin(), s.end()};
}

// Every result of feeding these bytes in one go.
std::vector<Decoded> decodeAll(std::span<const std::uint8_t> in, FrameDecoder& d) {
    std::vector<Decoded> out;
    d.feed(in, [&](Decoded&& r) { out.push_back(std::move(r)); });
    return out;
}

const Frame* frameOf(const Decoded& d) {
    return std::get_if<Frame>(&d);
}

std::optional<FrameError> errorOf(const Decoded& d) {
    if (auto* e = std::get_if<FrameError>(&d)) return *e;
    return std::nullopt;
}

} // namespace

TEST_CASE("CRC-16/MODBUS known vectors") {
    // The catalogue check value of CRC-16/MODBUS.
    CHECK(crc16Modbus(bytes("123456789")) == 0x4B37);
    CHECK(crc16Modbus({}) == 0xFFFF);
    // Modbus RTU "read holding registers, slave 1, address 0, count 1": 01 03 00 00 00 01 84 0A
    // on the wire, i.e. CRC 0x0A84 sent low byte first.
    const std::uint8_t modbus[] = {0x01, 0x03, 0x00, 0x00, 0x00, 0x01};
    CHECK(crc16Modbus(modbus) == 0x0A84);
    // Incremental use gives the same result.
    auto all = bytes("123456789");
    CHECK(crc16ModbusUpdate(crc16Modbus(std::span(all).first(4)), std::span(all).subspan(4)) ==
          0x4B37);
}

TEST_CASE("a frame's exact bytes: header, payload, CRC low byte first, delimiters") {
    Frame f{5, cmd::kIdentify, 9, {}};
    const auto wire = encodeFrame(f);
    // 05 01 09 00 → CRC over these four bytes.
    const std::uint8_t body[] = {0x05, 0x01, 0x09, 0x00};
    const auto crc = crc16Modbus(body);
    std::vector<std::uint8_t> expected = {kStx,
                                          0x05,
                                          0x01,
                                          0x09,
                                          0x00,
                                          static_cast<std::uint8_t>(crc & 0xFF),
                                          static_cast<std::uint8_t>(crc >> 8),
                                          kEtx};
    // (Neither CRC byte needs an escape for this frame; checked so the expectation stays honest.)
    REQUIRE(expected[5] != kStx);
    REQUIRE(expected[5] != kEtx);
    REQUIRE(expected[5] != kDle);
    REQUIRE(expected[6] != kStx);
    REQUIRE(expected[6] != kEtx);
    REQUIRE(expected[6] != kDle);
    CHECK(wire == expected);
    CHECK(wire.size() == minWireSize(0));
}

TEST_CASE("byte stuffing: 02, 03 and 10 never appear raw inside a frame") {
    // Address 2, command 0x10, sequence 3, payload 02 03 10 41.
    Frame f{2, cmd::kText, 3, {0x02, 0x03, 0x10, 0x41}};
    const auto wire = encodeFrame(f);
    CHECK(wire.front() == kStx);
    CHECK(wire.back() == kEtx);
    for (std::size_t i = 1; i + 1 < wire.size(); ++i) {
        CHECK(wire[i] != kStx);
        CHECK(wire[i] != kEtx);
    }
    // The start: STX, 10 22 (address 02), 10 30 (command 10), 10 23 (sequence 03), 04 (length),
    // then 10 22 10 23 10 30 41.
    const std::vector<std::uint8_t> head = {kStx, 0x10, 0x22, 0x10, 0x30, 0x10, 0x23, 0x04,
                                            0x10, 0x22, 0x10, 0x23, 0x10, 0x30, 0x41};
    CHECK(std::vector<std::uint8_t>(wire.begin(), wire.begin() + 15) == head);
    auto r = decodeOne(wire);
    REQUIRE(r);
    REQUIRE(frameOf(*r));
    CHECK(*frameOf(*r) == f);
}

TEST_CASE("encoder refuses what the protocol cannot carry") {
    CHECK_THROWS_AS(encodeFrame(Frame{65, 1, 1, {}}), std::invalid_argument);
    CHECK_THROWS_AS(encodeFrame(Frame{1, 1, 1, std::vector<std::uint8_t>(kMaxPayload + 1)}),
                    std::invalid_argument);
    CHECK_NOTHROW(encodeFrame(Frame{64, 1, 1, std::vector<std::uint8_t>(kMaxPayload, 0x10)}));
    // The worst case of stuffing is what maxWireSize says.
    Frame worst{kDle, kDle, kDle, std::vector<std::uint8_t>(kMaxPayload, kDle)};
    CHECK(encodeFrame(worst).size() <= maxWireSize(kMaxPayload));
}

TEST_CASE("round trip of random frames, one byte at a time and all at once") {
    std::mt19937 rng(42);
    FrameDecoder d;
    for (int i = 0; i < 2000; ++i) {
        Frame f;
        f.address = static_cast<std::uint8_t>(rng() % 65);
        f.command = static_cast<std::uint8_t>(rng());
        f.sequence = static_cast<std::uint8_t>(rng());
        f.payload.resize(rng() % (kMaxPayload + 1));
        for (auto& b : f.payload)
            b = static_cast<std::uint8_t>(rng() % 6 == 0 ? kDle : rng()); // plenty of escapes
        const auto wire = encodeFrame(f);
        std::optional<Decoded> got;
        for (std::size_t k = 0; k < wire.size(); ++k) {
            auto r = d.push(wire[k]);
            if (k + 1 < wire.size())
                REQUIRE_FALSE(r); // nothing before ETX
            else
                got = std::move(r);
        }
        REQUIRE(got);
        REQUIRE(frameOf(*got));
        CHECK(*frameOf(*got) == f);
    }
    CHECK(d.noiseBytes() == 0);
}

TEST_CASE("garbage before, between and after frames is skipped and counted") {
    Frame a{1, cmd::kPoll | kReplyFlag, 7, {0x00, 0x00, 0x00}};
    Frame b{2, cmd::kText, 8, {0x41, 0x42}};
    std::vector<std::uint8_t> line = {0xFF, 0x55, 0xAA};
    auto wa = encodeFrame(a), wb = encodeFrame(b);
    line.insert(line.end(), wa.begin(), wa.end());
    line.insert(line.end(), {0x00, 0x99});
    line.insert(line.end(), wb.begin(), wb.end());
    line.push_back(0x7E);
    FrameDecoder d;
    auto out = decodeAll(line, d);
    REQUIRE(out.size() == 2);
    REQUIRE(frameOf(out[0]));
    REQUIRE(frameOf(out[1]));
    CHECK(*frameOf(out[0]) == a);
    CHECK(*frameOf(out[1]) == b);
    CHECK(d.noiseBytes() == 6);
    CHECK(frameOf(out[0])->isReply());
    CHECK(frameOf(out[0])->baseCommand() == cmd::kPoll);
}

TEST_CASE("a bad CRC drops that frame only; the next one decodes") {
    Frame a{3, cmd::kColour, 1, {255, 0, 0}};
    Frame b{4, cmd::kColour, 2, {0, 255, 0}};
    auto line = encodeFrameWithBadCrc(a);
    auto wb = encodeFrame(b);
    line.insert(line.end(), wb.begin(), wb.end());
    FrameDecoder d;
    auto out = decodeAll(line, d);
    REQUIRE(out.size() == 2);
    CHECK(errorOf(out[0]) == FrameError::BadCrc);
    REQUIRE(frameOf(out[1]));
    CHECK(*frameOf(out[1]) == b);

    // A single flipped bit anywhere in the body is caught.
    auto wire = encodeFrame(a);
    for (std::size_t i = 1; i + 1 < wire.size(); ++i) {
        for (int bit = 0; bit < 8; ++bit) {
            auto bad = wire;
            bad[i] ^= static_cast<std::uint8_t>(1u << bit);
            auto r = decodeOne(bad);
            if (!r) continue; // cannot happen: STX is intact
            const Frame* f = frameOf(*r);
            CHECK(f == nullptr); // never a frame, least of all a silently changed one
        }
    }
}

TEST_CASE("truncated: a new STX mid-frame, or finish() when the line goes quiet") {
    Frame a{5, cmd::kText, 1, {0x41, 0x42, 0x43, 0x44}};
    Frame b{6, cmd::kText, 2, {0x45}};
    auto wa = encodeFrame(a), wb = encodeFrame(b);
    std::vector<std::uint8_t> line(wa.begin(), wa.begin() + 6); // cut after 6 bytes
    line.insert(line.end(), wb.begin(), wb.end());
    FrameDecoder d;
    auto out = decodeAll(line, d);
    REQUIRE(out.size() == 2);
    CHECK(errorOf(out[0]) == FrameError::Truncated);
    REQUIRE(frameOf(out[1]));
    CHECK(*frameOf(out[1]) == b); // resynchronised at once, no timeout needed

    FrameDecoder quiet;
    CHECK(decodeAll(std::span(wa).first(5), quiet).empty());
    CHECK(quiet.inFrame());
    CHECK(quiet.finish() == FrameError::Truncated);
    CHECK_FALSE(quiet.inFrame());
    CHECK_FALSE(quiet.finish()); // nothing pending any more
    // ... and it decodes the next frame normally.
    auto again = decodeAll(wb, quiet);
    REQUIRE(again.size() == 1);
    CHECK(frameOf(again[0]));
}

TEST_CASE("oversized: no ETX within the longest body") {
    std::vector<std::uint8_t> line = {kStx};
    line.insert(line.end(), kMaxBody + 10, 0x41);
    auto wb = encodeFrame(Frame{1, cmd::kIdentify, 1, {}});
    line.insert(line.end(), wb.begin(), wb.end());
    FrameDecoder d;
    auto out = decodeAll(line, d);
    REQUIRE(out.size() == 2);
    CHECK(errorOf(out[0]) == FrameError::Oversized);
    CHECK(frameOf(out[1]));
    // The longest legal body still decodes.
    Frame longest{1, cmd::kText, 1, std::vector<std::uint8_t>(kMaxPayload, 0x41)};
    auto r = decodeOne(encodeFrame(longest));
    REQUIRE(r);
    CHECK(frameOf(*r));
}

TEST_CASE("bad escapes, short frames and a lying length field") {
    FrameDecoder d;
    // DLE followed by a byte that is no escape.
    const std::vector<std::uint8_t> badEscape = {kStx, 0x01, kDle, 0x41, 0x02};
    auto out = decodeAll(std::span(badEscape).first(4), d);
    REQUIRE(out.size() == 1);
    CHECK(errorOf(out[0]) == FrameError::BadEscape);
    // DLE right before ETX.
    const std::vector<std::uint8_t> dleEtx = {kStx, 0x01, 0x01, kDle, kEtx};
    out = decodeAll(dleEtx, d);
    REQUIRE(out.size() == 1);
    CHECK(errorOf(out[0]) == FrameError::BadEscape);
    // STX ETX and a few bytes: too short for a header and CRC.
    const std::vector<std::uint8_t> shortOne = {kStx, 0x01, 0x01, 0x01, kEtx};
    out = decodeAll(shortOne, d);
    REQUIRE(out.size() == 1);
    CHECK(errorOf(out[0]) == FrameError::TooShort);
    // A frame whose CRC is right but whose LEN says 5 for a 1-byte payload.
    std::vector<std::uint8_t> body = {0x01, 0x11, 0x01, 0x05, 0x41};
    const auto crc = crc16Modbus(body);
    body.push_back(static_cast<std::uint8_t>(crc & 0xFF));
    body.push_back(static_cast<std::uint8_t>(crc >> 8));
    std::vector<std::uint8_t> lying = {kStx};
    for (auto b : body) {
        if (b == kStx || b == kEtx || b == kDle) {
            lying.push_back(kDle);
            lying.push_back(static_cast<std::uint8_t>(b ^ kEscapeXor));
        } else {
            lying.push_back(b);
        }
    }
    lying.push_back(kEtx);
    out = decodeAll(lying, d);
    REQUIRE(out.size() == 1);
    CHECK(errorOf(out[0]) == FrameError::BadLength);
    CHECK(toDeviceError(FrameError::BadLength).category == hall::drivers::ErrorCategory::Device);
    CHECK(toDeviceError(FrameError::BadCrc).category == hall::drivers::ErrorCategory::Retry);
    CHECK(toDeviceError(FrameError::BadCrc).code == "bad_crc");
}

TEST_CASE("random noise never crashes the decoder and never yields a frame by accident") {
    std::mt19937 rng(7);
    FrameDecoder d;
    std::size_t frames = 0, errors = 0;
    for (int i = 0; i < 200'000; ++i) {
        if (auto r = d.push(static_cast<std::uint8_t>(rng()))) {
            if (frameOf(*r))
                ++frames;
            else
                ++errors;
        }
    }
    CHECK(errors > 0);
    // A random frame must pass a 16-bit CRC and the length check: expected well under one here.
    CHECK(frames <= 1);
}

TEST_CASE("protocol helpers: wire time, names, NAK errors, identity") {
    CHECK(wireTime(960, 9600) == std::chrono::seconds(1));
    CHECK(wireTime(11520, 115200) == std::chrono::seconds(1));
    CHECK(commandName(cmd::kText) == "text");
    CHECK(commandName(cmd::kPoll | kReplyFlag) == "poll");
    CHECK(statusName(0x04) == "busy");
    CHECK(nakError(cmd::kText, 0x03).code == "no_glyph");
    CHECK(nakError(cmd::kText, 0x04).category == hall::drivers::ErrorCategory::Retry);
    CHECK(nakError(cmd::kText, 0x02).category == hall::drivers::ErrorCategory::Device);
    const std::uint8_t id[] = {0x00, 0x01, 0x01};
    auto identity = parseIdentity(id);
    REQUIRE(identity);
    CHECK(identity->type == static_cast<std::uint8_t>(UnitType::LedStrip));
    const std::uint8_t nak[] = {0x01, 0x01, 0x01};
    CHECK_FALSE(parseIdentity(nak));
}
