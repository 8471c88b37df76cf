// The person key of docs/protocol.md (shared/terminal/person_key.h). Expected values were
// computed independently with `openssl dgst -sha256 -mac HMAC -macopt key:<secret>`.
#include "shared/terminal/citizen_messages.h"
#include "shared/terminal/person_key.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace hall::client;

namespace {

std::vector<std::uint8_t> secret(std::string_view s) {
    return {s.begin(), s.end()};
}

const auto kHall = secret("hall-secret-0123456789");
const auto kOtherHall = secret("other-hall-secret-abcdef");

} // namespace

TEST_CASE("the key is HMAC-SHA256 of the ID number under the hall's secret, lowercase hex") {
    CHECK(personKey("110101194403050025", kHall) ==
          "29cdca9c5b48a84947888fe3a6068b23d7e4e18686e55a95077630e4cc0271fa");
    CHECK(personKey("110101194403050025", kOtherHall) ==
          "d1c281b20d283955da4a5a8e28180549c69d3685b45ce348398d313f185e59a9");
}

TEST_CASE(
    "the number is normalised first: check character case and stray whitespace do not matter") {
    const std::string expected = "253e362a24ebf92b00e86587e8ce6c916cdd01c7ab991ab977c1e8c78d4c288c";
    CHECK(personKey("11010519491231002X", kHall) == expected);
    CHECK(personKey("11010519491231002x", kHall) == expected);
    CHECK(personKey(" 11010519491231002X\r\n", kHall) == expected);
    CHECK(normaliseIdNumber("cAN110090010101") == std::optional<std::string>("CAN110090010101"));
}

TEST_CASE("no key for a number without a normal form, or for a short secret") {
    CHECK(personKey("", kHall).empty());
    CHECK(personKey("1101011944030500", kHall).empty());    // 16 characters
    CHECK(personKey("110101-19440305002", kHall).empty());  // not alphanumeric
    CHECK(personKey("11010119440305002５", kHall).empty()); // a full-width digit
    CHECK(personKey("110101194403050025", secret("short")).empty());
    CHECK(personKey("110101194403050025", secret("0123456789abcde")).empty()); // 15 bytes
    CHECK(personKey("110101194403050025", secret("0123456789abcdef")).size() == 64);
}

TEST_CASE(
    "citizen messages are per source, and unknown codes get the source's general instruction") {
    CHECK(citizenMessage(IdentificationSource::IdCard, "read_failed") ==
          "读卡失败，请将身份证平放在读卡区，不要移动");
    CHECK(citizenMessage(IdentificationSource::IdCard, "misread") == "读卡失败，请重新放置");
    CHECK(citizenMessage(IdentificationSource::IdCard, "a_code_from_the_future") ==
          "请将身份证平放在读卡区");
    CHECK(citizenMessage(IdentificationSource::SocialSecurityCard, "not_social_security_card") ==
          "无法识别此卡，请插入社会保障卡");
    CHECK(citizenMessage(IdentificationSource::SocialSecurityCard, "read_failed") ==
          "读卡失败，请取出社保卡后重新插入");
    CHECK(citizenMessage(IdentificationSource::QrCode, kUnrecognisedCode) ==
          "无法识别此二维码，请出示预约码或电子证照二维码");
    CHECK(citizenMessage(IdentificationSource::QrCode, "bad_encoding") ==
          "扫码失败，请将二维码对准扫码窗口重新扫码");
}
