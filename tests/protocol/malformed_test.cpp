// Every class of bad input is refused with its code, a message, and no exception: the decoders
// face whatever a network peer sends.

#include "shared/protocol/codec.h"
#include "tests/protocol/samples.h"

#include <doctest/doctest.h>
#include <random>
#include <string>

using namespace hall;
using namespace hall::protocol;

namespace {

Error refusal(std::string_view frame) {
    const auto decoded = decodeRequest(frame);
    REQUIRE_FALSE(decoded.ok());
    CHECK_FALSE(decoded.error().message.empty());
    return decoded.error();
}

} // namespace

TEST_CASE("malformed JSON and non-objects are bad frames") {
    for (const char* frame : {"", "{", "not json", "[1,2]", "\"text\"", "42", "null",
                              R"({"v":1,"type":"call_next","id":"a","window":3,})"})
        CHECK_MESSAGE(refusal(frame).code == "bad_frame", frame);
}

TEST_CASE("invalid UTF-8 is a bad frame") {
    CHECK(refusal("{\"v\":1,\"type\":\"sign_in\",\"id\":\"a\",\"window\":1,\"staff\":\"\xff\xfe\"}")
              .code == "bad_frame");
}

TEST_CASE("the version is checked first") {
    CHECK(refusal(R"({"type":"call_next","id":"a","window":3})").code == "bad_frame");
    CHECK(refusal(R"({"v":"1","type":"call_next","id":"a","window":3})").code == "bad_frame");
    CHECK(refusal(R"({"v":1.0,"type":"call_next","id":"a","window":3})").code == "bad_frame");
    const auto future = refusal(R"({"v":2,"type":"call_next","id":"a","window":3,"new":1})");
    CHECK(future.code == "unsupported_version");
    CHECK(refusal(R"({"v":0,"type":"hello"})").code == "unsupported_version");
}

TEST_CASE("unknown types are refused as such, still addressed to the id") {
    const auto decoded = decodeRequest(R"({"v":1,"type":"launch_rockets","id":"r-1"})");
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().code == "unknown_type");
    CHECK(decoded.requestId() == "r-1");
    // Server-to-client types are not requests.
    CHECK(refusal(R"({"v":1,"type":"push","id":"a"})").code == "unknown_type");
    CHECK(refusal(R"({"v":1,"type":"response","id":"a"})").code == "unknown_type");
    CHECK(refusal(R"({"v":1,"type":7,"id":"a"})").code == "bad_frame");
}

TEST_CASE("ids outside 1-64 characters of [A-Za-z0-9_-] are refused") {
    CHECK(refusal(R"({"v":1,"type":"heartbeat"})").code == "bad_frame");
    CHECK(refusal(R"({"v":1,"type":"heartbeat","id":""})").code == "bad_frame");
    CHECK(refusal(R"({"v":1,"type":"heartbeat","id":"a b"})").code == "bad_frame");
    CHECK(refusal(R"({"v":1,"type":"heartbeat","id":5})").code == "bad_frame");
    const std::string longId(65, 'x');
    CHECK(refusal(R"({"v":1,"type":"heartbeat","id":")" + longId + "\"}").code == "bad_frame");
    const std::string maxId(64, 'x');
    CHECK(decodeRequest(R"({"v":1,"type":"heartbeat","id":")" + maxId + "\"}").ok());
}

TEST_CASE("wrong types, ranges and unknown fields name the field") {
    const auto named = [](std::string_view frame, const std::string& field) {
        const auto e = refusal(frame);
        CHECK(e.code == "bad_frame");
        CHECK_MESSAGE(e.message.find("'" + field + "'") != std::string::npos, e.message);
    };
    named(R"({"v":1,"type":"call_next","id":"a"})", "window");
    named(R"({"v":1,"type":"call_next","id":"a","window":"3"})", "window");
    named(R"({"v":1,"type":"call_next","id":"a","window":0})", "window");
    named(R"({"v":1,"type":"call_next","id":"a","window":3.5})", "window");
    named(R"({"v":1,"type":"call_next","id":"a","window":99999999999999999999})", "window");
    named(R"({"v":1,"type":"call_next","id":"a","window":3,"silent":"yes"})", "silent");
    named(R"({"v":1,"type":"call_next","id":"a","window":3,"silent":null})", "silent");
    named(R"({"v":1,"type":"call_next","id":"a","window":3,"volume":11})", "volume");
    named(R"({"v":1,"type":"cancel_ticket","id":"a","ticket":-1})", "ticket");
    named(R"({"v":1,"type":"cancel_ticket","id":"a","ticket":5,"reason":"day_closed"})", "reason");
    named(R"({"v":1,"type":"rate","id":"a","ticket":5,"level":"meh"})", "level");
    named(R"({"v":1,"type":"heartbeat","id":"a","faults":["on_fire"]})", "faults");
    named(R"({"v":1,"type":"hello","id":"a","credential":"t","versions":[]})", "versions");
    named(R"({"v":1,"type":"issue_ticket","id":"a","service":""})", "service");
    named(R"({"v":1,"type":"issue_ticket","id":"a","service":"tax","appointment":{"id":"x"}})",
          "slot_start");
    // A raw ID-card number is not a keyed hash.
    named(R"({"v":1,"type":"issue_ticket","id":"a","service":"tax","person_key":"11010119900307123X"})",
          "person_key");
    // identify_visit carries the keyed hash of the card read, never the number on it.
    named(R"({"v":1,"type":"identify_visit","id":"a","window":3})", "person_key");
    named(R"({"v":1,"type":"identify_visit","id":"a","window":3,"person_key":""})", "person_key");
    named(
        R"({"v":1,"type":"identify_visit","id":"a","window":3,"person_key":"11010119900307123X"})",
        "person_key");
    named(R"({"v":1,"type":"identify_visit","id":"a","person_key":")" + std::string(64, 'a') +
              "\"}",
          "window");
    named(R"({"v":1,"type":"call_next","id":"a","window":3,"window":5})", "window");
    named(R"({"v":1,"type":"issue_ticket","id":"a","service":"tax","appointment":{"id":"x","id":"y","slot_start":1}})",
          "id");
    const std::string longText(kMaxTextBytes + 1, 'x');
    named(R"({"v":1,"type":"sign_in","id":"a","window":1,"staff":")" + longText + "\"}", "staff");
}

TEST_CASE("oversized and deeply nested frames are refused before parsing") {
    std::string big = R"({"v":1,"type":"enroll","id":"a","code":")";
    big += std::string(kMaxFrameBytes, 'x');
    big += "\"}";
    CHECK(refusal(big).code == "too_large");
    const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
    CHECK(refusal(deep).code == "too_large");
    const std::string nested = R"({"v":1,"type":"heartbeat","id":"a","faults":)" +
                               std::string(20, '[') + std::string(20, ']') + "}";
    CHECK(refusal(nested).code == "bad_frame");
    // Brackets inside strings do not count as nesting.
    CHECK(decodeRequest(R"({"v":1,"type":"enroll","id":"a","code":"[[[[[[[[[[[[[[[[[[[["})").ok());
}

TEST_CASE("every truncation of a valid frame is refused without an exception") {
    for (const auto& request : testing::everyRequest()) {
        const auto frame = encodeRequest(request);
        for (std::size_t n = 0; n < frame.size(); ++n) {
            DecodeResult<Request> decoded = protocolError(ProtocolError::Internal, "unset");
            CHECK_NOTHROW(decoded = decodeRequest(std::string_view(frame).substr(0, n)));
            CHECK_FALSE(decoded.ok());
            CHECK(decoded.error().code == "bad_frame");
        }
    }
}

TEST_CASE("random bytes and mutated frames never throw") {
    std::mt19937 rng(20261123);
    std::uniform_int_distribution<int> byte(0, 255);
    const auto requests = testing::everyRequest();
    for (int round = 0; round < 5000; ++round) {
        std::string frame;
        if (round % 2 == 0) {
            frame.resize(static_cast<std::size_t>(rng() % 200));
            for (auto& c : frame) c = static_cast<char>(byte(rng));
        } else {
            // A valid frame with a few bytes changed: mostly still JSON, often wrong.
            frame = encodeRequest(requests[rng() % requests.size()]);
            for (int k = 0; k < 3; ++k)
                frame[rng() % frame.size()] = static_cast<char>(byte(rng));
        }
        CHECK_NOTHROW((void)decodeRequest(frame));
        CHECK_NOTHROW((void)decodeResponse(frame));
        CHECK_NOTHROW((void)decodePush(frame));
    }
}
