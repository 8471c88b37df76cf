// SAM frames: encoding against bytes public reader code sends, and the incremental decoder
// against checksum errors, bad lengths, truncation, garbage and byte-at-a-time delivery.
#include "tests/drivers/idcard_codec/card_fixtures.h"
#include "drivers/idcard/sam_frame.h"

#include <doctest/doctest.h>
#include <stdexcept>
#include <vector>

using namespace hall::drivers;
using namespace hall::drivers::idcard;
using Bytes = std::vector<std::uint8_t>;

namespace {

// Feeds everything (draining as needed) and collects what next() yields.
struct Collected {
    std::vector<Bytes> frames;
    std::vector<DeviceError> errors;
};

void drain(SamFrameDecoder& d, Collected& out) {
    while (auto r = d.next()) {
        if (r->ok()) {
            out.frames.push_back(r->value().body.bytes());
        } else {
            out.errors.push_back(r->error());
        }
    }
}

Collected run(SamFrameDecoder& d, std::span<const std::uint8_t> bytes) {
    Collected out;
    while (!bytes.empty()) {
        bytes = bytes.subspan(d.feed(bytes));
        drain(d, out);
    }
    return out;
}

Bytes concat(std::initializer_list<Bytes> parts) {
    Bytes all;
    for (const auto& p : parts)
        all.insert(all.end(), p.begin(), p.end());
    return all;
}

Bytes body(const Bytes& frame) {
    return Bytes(frame.begin() + 7, frame.end() - 1);
}

} // namespace

TEST_CASE("requests are the bytes readers expect") {
    // As sent by public reader code: LEN 00 03, CHK = XOR from LEN on.
    CHECK(encodeRequest(SamCommand::FindCard) ==
          Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x22});
    CHECK(encodeRequest(SamCommand::SelectCard) ==
          Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x02, 0x21});
    CHECK(encodeRequest(SamCommand::ReadTextPhoto) ==
          Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x30, 0x01, 0x32});
    CHECK(encodeRequest(SamCommand::SamStatus) ==
          Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x11, 0xFF, 0xED});
    CHECK(encodeRequest(SamCommand::ResetSam) ==
          Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x10, 0xFF, 0xEC});
    CHECK(encodeRequest(SamCommand::SamId) ==
          Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x12, 0xFF, 0xEE});
    CHECK(encodeRequest(SamCommand::ReadTextPhotoFingerprint) ==
          Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x30, 0x10, 0x23});
    // A request with data: LEN grows, the checksum covers it.
    const Bytes data{0x50, 0xCA};
    CHECK(encodeRequest(SamCommand::SamStatus, data) ==
          Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x05, 0x11, 0xFF, 0x50, 0xCA,
                0x00 ^ 0x05 ^ 0x11 ^ 0xFF ^ 0x50 ^ 0xCA});
}

TEST_CASE("responses carry SW1 SW2 = 00 00, SW3 and data") {
    CHECK(encodeResponse(0x9F) ==
          Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x04, 0x00, 0x00, 0x9F, 0x9B});
    const auto frame = encodeResponse(0x90, Bytes{0x01, 0x02, 0x03});
    CHECK(frame.size() == 7 + 3 + 3 + 1);
    CHECK(frame[5] == 0x00);
    CHECK(frame[6] == 0x07);
}

TEST_CASE("a full 30 01 reply frame is 1295 bytes, as readers send it") {
    const auto data =
        idcard_test::readReply(idcard_test::residentText(), idcard_test::photoBytes());
    const auto frame = encodeResponse(0x90, data);
    CHECK(frame.size() == 1295);
    CHECK(frame[5] == 0x05);
    CHECK(frame[6] == 0x08); // LEN 1288
}

TEST_CASE("encoding refuses data beyond the protocol's maximum length") {
    const Bytes tooLong(kSamMaxLength, 0);
    CHECK_THROWS_AS(encodeResponse(0x90, tooLong), std::invalid_argument);
    CHECK_THROWS_AS(encodeRequest(SamCommand::FindCard, tooLong), std::invalid_argument);
    // The largest legal reply still encodes.
    const Bytes largest(kSamMaxLength - 4, 0x5A);
    CHECK(encodeResponse(0x90, largest).size() == kSamMaxFrameSize);
}

TEST_CASE("every command and response decodes back to what was encoded") {
    for (const auto command : {SamCommand::ResetSam, SamCommand::SamStatus, SamCommand::SamId,
                               SamCommand::FindCard, SamCommand::SelectCard,
                               SamCommand::ReadTextPhoto, SamCommand::ReadTextPhotoFingerprint}) {
        CAPTURE(commandName(command));
        const Bytes data{0x01, 0xAA, 0xAA, 0xAA, 0x96, 0x69}; // data may contain the preamble
        SamFrameDecoder d;
        auto got = run(d, encodeRequest(command, data));
        REQUIRE(got.frames.size() == 1);
        CHECK(got.errors.empty());
        auto request = parseRequest(SamFrame{SecureBytes(got.frames[0])});
        REQUIRE(request.ok());
        CHECK(request->command == command);
        CHECK(request->cmd == commandCode(command));
        CHECK(request->para == commandParameter(command));
        CHECK(request->data == data);
        CHECK(samCommandFrom(commandCode(command), commandParameter(command)) == command);
    }

    SamFrameDecoder d;
    const auto data =
        idcard_test::readReply(idcard_test::residentText(), idcard_test::photoBytes());
    auto got = run(d, encodeResponse(0x90, data));
    REQUIRE(got.frames.size() == 1);
    auto response = parseResponse(SamFrame{SecureBytes(got.frames[0])});
    REQUIRE(response.ok());
    CHECK(response->sw1 == 0x00);
    CHECK(response->sw2 == 0x00);
    CHECK(response->sw3 == 0x90);
    CHECK(response->data.bytes() == data);
}

TEST_CASE("an unknown command is parsed but not named") {
    // 61 FF: a vendor command this codec does not know; the twin answers it with 21.
    auto frame = decodeFrame(Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x61, 0xFF, 0x9D});
    REQUIRE(frame.ok());
    auto request = parseRequest(frame.value());
    REQUIRE(request.ok());
    CHECK(request->cmd == 0x61);
    CHECK(request->para == 0xFF);
    CHECK(!request->command.has_value());
    CHECK(!samCommandFrom(0x20, 0x03).has_value());
}

TEST_CASE("a body too short for its kind is a bad_length error") {
    const auto request = encodeRequest(SamCommand::FindCard); // body: 20 01
    auto frame = decodeFrame(request);
    REQUIRE(frame.ok());
    auto asResponse = parseResponse(std::move(frame.value()));
    REQUIRE(!asResponse.ok());
    CHECK(asResponse.error().code == "bad_length");
    CHECK(asResponse.error().category == ErrorCategory::Device);
}

TEST_CASE("a wrong checksum is a Retry error and the next frame still decodes") {
    auto bad = encodeResponse(0x9F);
    bad.back() ^= 0x01;
    const auto good = encodeResponse(0x80);
    SamFrameDecoder d;
    auto got = run(d, concat({bad, good}));
    REQUIRE(got.errors.size() == 1);
    CHECK(got.errors[0].code == "bad_checksum");
    CHECK(got.errors[0].category == ErrorCategory::Retry);
    CHECK(got.errors[0].message.find("checksum") != std::string::npos);
    REQUIRE(got.frames.size() == 1);
    CHECK(got.frames[0] == body(good));
    CHECK(d.buffered() == 0);

    // A flipped data byte is caught too, and so is a flipped LEN byte that keeps LEN plausible.
    auto badData = encodeResponse(0x90, Bytes{1, 2, 3, 4});
    badData[10] ^= 0x40;
    SamFrameDecoder d2;
    auto got2 = run(d2, badData);
    CHECK(got2.frames.empty());
    REQUIRE(got2.errors.size() == 1);
    CHECK(got2.errors[0].code == "bad_checksum");
}

TEST_CASE("a checksum error does not swallow a real frame hidden behind a fragment") {
    // The head of an abandoned 30 01 reply (its LEN claims 1288 bytes) is followed by a whole
    // find-card reply and enough further replies to exceed the claimed length: the fragment fails
    // its checksum, and scanning resumes right after its preamble.
    const auto full = encodeResponse(
        0x90, idcard_test::readReply(idcard_test::residentText(), idcard_test::photoBytes()));
    const Bytes fragment(full.begin(), full.begin() + 40);
    Bytes stream = fragment;
    const auto found = encodeResponse(0x9F);
    for (int i = 0; i < 200; ++i)
        stream.insert(stream.end(), found.begin(), found.end());
    SamFrameDecoder d;
    auto got = run(d, stream);
    REQUIRE(got.errors.size() == 1);
    CHECK(got.errors[0].code == "bad_checksum");
    CHECK(got.frames.size() == 200);
}

TEST_CASE("an oversized or undersized LEN is a Device bad_length error, then resync") {
    const auto good = encodeResponse(0x9F);
    for (const Bytes& head : {Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0xFF, 0xFF},
                              Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x09, 0x0B}, // 2315: one too many
                              Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x02},
                              Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x00}}) {
        SamFrameDecoder d;
        auto got = run(d, concat({head, good}));
        REQUIRE(got.errors.size() == 1);
        CHECK(got.errors[0].code == "bad_length");
        CHECK(got.errors[0].category == ErrorCategory::Device);
        REQUIRE(got.frames.size() == 1);
        CHECK(got.frames[0] == body(good));
    }
    // The largest legal LEN is accepted.
    SamFrameDecoder d;
    auto got = run(d, encodeResponse(0x90, Bytes(kSamMaxLength - 4, 0x11)));
    CHECK(got.errors.empty());
    CHECK(got.frames.size() == 1);
}

TEST_CASE("a decoder for short replies refuses long ones") {
    SamFrameDecoder d(64);
    auto got = run(d, encodeResponse(0x90, Bytes(100, 0)));
    REQUIRE(!got.errors.empty());
    CHECK(got.errors[0].code == "bad_length");
    CHECK(got.frames.empty());
}

TEST_CASE("a frame cut short is reported truncated by finish(), and what follows is kept") {
    const auto full = encodeResponse(
        0x90, idcard_test::readReply(idcard_test::residentText(), idcard_test::photoBytes()));
    const auto found = encodeResponse(0x9F);
    SamFrameDecoder d;
    auto got = run(d, concat({Bytes(full.begin(), full.begin() + 100), found}));
    CHECK(got.frames.empty()); // still waiting for the rest of the 1295 bytes
    CHECK(got.errors.empty());
    const auto truncated = d.finish();
    REQUIRE(truncated.has_value());
    CHECK(truncated->code == "truncated");
    CHECK(truncated->category == ErrorCategory::Retry);
    CHECK(truncated->message.find("1295") != std::string::npos);
    drain(d, got);
    REQUIRE(got.frames.size() == 1);
    CHECK(got.frames[0] == body(found));
    CHECK(!d.finish().has_value());
}

TEST_CASE("finish() reports nothing for garbage, a partial preamble or a complete frame") {
    SamFrameDecoder d;
    CHECK(!d.finish().has_value());
    CHECK(d.feed(Bytes{0x01, 0x02, 0xAA, 0xAA}) == 4);
    CHECK(!d.finish().has_value());
    CHECK(d.buffered() == 0);
    // Only the preamble and half of LEN: a frame had started.
    CHECK(d.feed(Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00}) == 6);
    const auto e = d.finish();
    REQUIRE(e.has_value());
    CHECK(e->code == "truncated");
    // A complete frame is next()'s, not a truncation.
    const auto found = encodeResponse(0x9F);
    CHECK(d.feed(found) == found.size());
    CHECK(!d.finish().has_value());
    auto r = d.next();
    REQUIRE(r.has_value());
    CHECK(r->ok());
}

TEST_CASE("garbage before a frame is skipped and counted") {
    const Bytes garbage{0x00, 0xFF, 0xAA, 0x13, 0xAA, 0xAA, 0x96,
                        0xAA, 0xAA, 0xAA, 0x96, 0x00, 0xAA, 0xAA};
    const auto good = encodeResponse(0x90, Bytes{0x42});
    SamFrameDecoder d;
    auto got = run(d, concat({garbage, good}));
    CHECK(got.errors.empty());
    REQUIRE(got.frames.size() == 1);
    CHECK(got.frames[0] == body(good));
    CHECK(d.discardedBytes() == garbage.size());
    // A preamble whose first bytes are themselves preceded by extra AAs.
    SamFrameDecoder d2;
    auto got2 = run(d2, concat({Bytes{0xAA, 0xAA, 0xAA, 0xAA}, good}));
    REQUIRE(got2.frames.size() == 1);
    CHECK(d2.discardedBytes() == 4);
}

TEST_CASE("byte-at-a-time delivery yields each frame exactly once, when its last byte comes") {
    const auto reply = encodeResponse(
        0x90, idcard_test::readReply(idcard_test::hkmtText(), idcard_test::photoBytes()));
    const auto found = encodeResponse(0x9F);
    const auto stream = concat({Bytes{0x55, 0xAA}, found, reply, Bytes{0x00}, found});
    SamFrameDecoder d;
    Collected got;
    std::vector<std::size_t> completedAt;
    for (std::size_t i = 0; i < stream.size(); ++i) {
        REQUIRE(d.feed(std::span(&stream[i], 1)) == 1);
        const auto before = got.frames.size();
        drain(d, got);
        if (got.frames.size() != before) completedAt.push_back(i);
    }
    CHECK(got.errors.empty());
    REQUIRE(got.frames.size() == 3);
    CHECK(got.frames[0] == body(found));
    CHECK(got.frames[1] == body(reply));
    CHECK(got.frames[2] == body(found));
    CHECK(completedAt == std::vector<std::size_t>{2 + found.size() - 1,
                                                  2 + found.size() + reply.size() - 1,
                                                  stream.size() - 1});
}

TEST_CASE("the buffer is bounded: feed takes what fits and draining makes room") {
    const auto reply = encodeResponse(0x90, Bytes(kSamMaxLength - 4, 0x33));
    Bytes stream;
    for (int i = 0; i < 5; ++i)
        stream.insert(stream.end(), reply.begin(), reply.end());
    SamFrameDecoder d;
    const std::size_t taken = d.feed(stream);
    CHECK(taken == SamFrameDecoder::kCapacity);
    CHECK(d.space() == 0);
    Collected got;
    drain(d, got);
    CHECK(got.frames.size() == 2);
    // A full buffer of garbage is dropped by next(), never wedges the decoder.
    SamFrameDecoder g;
    const Bytes noise(SamFrameDecoder::kCapacity + 100, 0x11);
    CHECK(g.feed(noise) == SamFrameDecoder::kCapacity);
    CHECK(!g.next().has_value());
    CHECK(g.buffered() == 0);
    CHECK(g.discardedBytes() == SamFrameDecoder::kCapacity);
    // The whole stream through run(), which feeds in pieces as room appears.
    SamFrameDecoder r;
    CHECK(run(r, stream).frames.size() == 5);
}

TEST_CASE("reset drops a pending frame") {
    const auto found = encodeResponse(0x9F);
    SamFrameDecoder d;
    CHECK(d.feed(std::span(found).first(6)) == 6);
    d.reset();
    CHECK(d.buffered() == 0);
    auto got = run(d, found);
    CHECK(got.frames.size() == 1);
    CHECK(got.errors.empty());
}

TEST_CASE("decodeFrame takes exactly one frame") {
    const auto found = encodeResponse(0x9F);
    auto ok = decodeFrame(found);
    REQUIRE(ok.ok());
    CHECK(ok->body.bytes() == Bytes{0x00, 0x00, 0x9F});

    CHECK(decodeFrame(std::span(found).first(found.size() - 1)).error().code == "truncated");
    CHECK(decodeFrame(std::span(found).first(3)).error().code == "truncated");
    CHECK(decodeFrame(concat({found, Bytes{0x00}})).error().code == "trailing_bytes");
    auto corrupt = found;
    corrupt[9] = 0x90;
    CHECK(decodeFrame(corrupt).error().code == "bad_checksum");
    auto noPreamble = found;
    noPreamble[4] = 0x68;
    CHECK(decodeFrame(noPreamble).error().code == "bad_preamble");
    CHECK(decodeFrame(Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x01, 0x00}).error().code ==
          "bad_length");
}

TEST_CASE("the checksum is the XOR of its bytes") {
    CHECK(samChecksum(Bytes{}) == 0x00);
    CHECK(samChecksum(Bytes{0x00, 0x03, 0x20, 0x01}) == 0x22);
    CHECK(samChecksum(Bytes{0xFF, 0xFF}) == 0x00);
}
