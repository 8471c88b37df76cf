// The hello result's person_key_secret: carried only when present, and a client refuses any
// shape but 64 lowercase hex digits (a short, upper-case or non-hex secret would silently give
// every person a different key than the other terminals compute).

#include "shared/protocol/codec.h"
#include "shared/protocol/roles.h"

#include <doctest/doctest.h>
#include <string>

using namespace hall;
using namespace hall::protocol;

namespace {

const std::string kSecret = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

std::string helloFrame(const std::string& secretJson) {
    return R"({"v":1,"type":"response","id":"h","request":"hello","ok":true,"result":{"version":1,)"
           R"("device":{"name":"kiosk-1","role":"kiosk"})" +
           secretJson + "}}";
}

} // namespace

TEST_CASE("a hello result round-trips its person-key secret, and omits it when absent") {
    const DeviceIdentity kiosk{"kiosk-1", Role::Kiosk, std::nullopt, ""};
    HelloResult withSecret{kVersion, kiosk, kSecret};
    const auto frame = encodeResponse({"h1", RequestType::Hello, ResponseResult{withSecret}});
    CHECK(frame.find(R"("person_key_secret":")" + kSecret + "\"") != std::string::npos);
    const auto decoded = decodeResponse(frame);
    REQUIRE_MESSAGE(decoded.ok(), decoded.error().message);
    const auto& h = std::get<HelloResult>(std::get<ResponseResult>(decoded->outcome));
    REQUIRE(h.personKeySecret);
    CHECK(*h.personKeySecret == kSecret);

    const DeviceIdentity board{"board-n", Role::CallBoard, std::nullopt, "north"};
    const auto plain =
        encodeResponse({"h2", RequestType::Hello, ResponseResult{HelloResult{kVersion, board}}});
    CHECK(plain.find("person_key_secret") == std::string::npos);
    const auto back = decodeResponse(plain);
    REQUIRE(back.ok());
    CHECK_FALSE(std::get<HelloResult>(std::get<ResponseResult>(back->outcome)).personKeySecret);
}

TEST_CASE("a hello result with a malformed person-key secret is a bad frame") {
    REQUIRE(decodeResponse(helloFrame(R"(,"person_key_secret":")" + kSecret + "\"")).ok());
    const std::string upper = "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF";
    for (const std::string& bad :
         {R"(,"person_key_secret":")" + kSecret.substr(0, 62) + "\"",
          R"(,"person_key_secret":")" + kSecret + "00\"",
          R"(,"person_key_secret":")" + upper + "\"",
          R"(,"person_key_secret":")" + kSecret.substr(0, 63) + "g\"",
          std::string(R"(,"person_key_secret":"")"), std::string(R"(,"person_key_secret":null)"),
          std::string(R"(,"person_key_secret":42)")}) {
        CAPTURE(bad);
        const auto decoded = decodeResponse(helloFrame(bad));
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().code == "bad_frame");
    }
}

TEST_CASE("only the roles that identify people are given the person-key secret") {
    CHECK(identifiesPeople(Role::TicketMachine));
    CHECK(identifiesPeople(Role::Kiosk));
    CHECK(identifiesPeople(Role::WindowPad));
    CHECK_FALSE(identifiesPeople(Role::CallBoard));
    CHECK_FALSE(identifiesPeople(Role::LedBridge));
    CHECK_FALSE(identifiesPeople(Role::Admin));
}
