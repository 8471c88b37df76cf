// SW3 status codes: each documented one named, classified Retry or Device, with a message.
#include "drivers/idcard/sam_status.h"

#include <cstdio>
#include <doctest/doctest.h>
#include <map>
#include <set>
#include <string>

using namespace hall::drivers;
using namespace hall::drivers::idcard;

namespace {

// The classification this driver promises, written out independently of the codec's table:
// the card's fault (Retry) or the reader's (Device).
const std::map<std::uint8_t, ErrorCategory> kFailures = {
    {0x91, ErrorCategory::Retry},  // no content
    {0x10, ErrorCategory::Device}, // SAM saw a bad checksum from us
    {0x11, ErrorCategory::Device}, // SAM saw a bad length from us
    {0x21, ErrorCategory::Device}, // bad command
    {0x23, ErrorCategory::Device}, // no authority
    {0x24, ErrorCategory::Device}, // unknown error
    {0x31, ErrorCategory::Retry},  // card failed to authenticate the SAM
    {0x32, ErrorCategory::Retry},  // SAM failed to authenticate the card
    {0x33, ErrorCategory::Retry},  // verification failed
    {0x34, ErrorCategory::Retry},  // card not found yet
    {0x40, ErrorCategory::Retry},  // unknown card type
    {0x41, ErrorCategory::Retry},  // read failed
    {0x47, ErrorCategory::Retry},  // random failed
    {0x50, ErrorCategory::Device}, // write failed
    {0x60, ErrorCategory::Device}, // SAM self-test failed
    {0x61, ErrorCategory::Device}, // SAM login failed
    {0x66, ErrorCategory::Device}, // SAM not authorised
    {0x80, ErrorCategory::Retry},  // find failed: no card
    {0x81, ErrorCategory::Retry},  // select failed
};

std::string sw3Text(std::uint8_t sw3) {
    char s[12];
    std::snprintf(s, sizeof s, "SW3 0x%02X", sw3);
    return s;
}

} // namespace

TEST_CASE("every documented failure status maps to its category, a stable code and a message") {
    std::set<std::string> codes;
    for (const auto& [sw3, category] : kFailures) {
        CAPTURE(sw3Text(sw3));
        const auto status = samStatusFrom(sw3);
        REQUIRE(status.has_value());
        CHECK(static_cast<std::uint8_t>(*status) == sw3);
        CHECK(!isSuccess(sw3));
        const auto e = statusError(sw3);
        CHECK(e.category == category);
        CHECK(e.code == statusName(*status));
        CHECK(codes.insert(e.code).second);
        CHECK(e.message.find(sw3Text(sw3)) != std::string::npos);
        CHECK(e.message.size() > std::string(" (" + sw3Text(sw3) + ")").size() + 10);
    }
}

TEST_CASE("the brief's named codes carry the names a technician reads in logs") {
    CHECK(statusError(0x80).code == "no_card");
    CHECK(statusError(0x81).code == "select_failed");
    CHECK(statusError(0x41).code == "read_failed");
    CHECK(statusError(0x10).code == "reader_checksum_error");
    CHECK(statusError(0x11).code == "reader_length_error");
    CHECK(statusError(0x21).code == "bad_command");
    CHECK(statusError(0x23).code == "no_authority");
    CHECK(statusError(0x24).code == "sam_unknown_error");
    CHECK(statusError(0x40).code == "unknown_card_type");
    CHECK(statusError(0x60).code == "sam_self_test_failed");
    CHECK(statusError(0x60).message.find("power-cycle") != std::string::npos);
    CHECK(statusError(0x10).message.find("cable") != std::string::npos);
}

TEST_CASE("success codes are successes, and errors only where another answer was expected") {
    CHECK(isSuccess(0x90));
    CHECK(isSuccess(0x9F));
    CHECK(statusName(SamStatus::Ok) == "ok");
    CHECK(statusName(SamStatus::CardFound) == "card_found");
    for (const std::uint8_t sw3 : {std::uint8_t{0x90}, std::uint8_t{0x9F}}) {
        const auto e = statusError(sw3);
        CHECK(e.code == "unexpected_status");
        CHECK(e.category == ErrorCategory::Device);
    }
}

TEST_CASE("undocumented bytes are Device unknown_status errors, and the table has no others") {
    int documented = 0;
    for (int b = 0; b < 256; ++b) {
        const auto sw3 = static_cast<std::uint8_t>(b);
        CAPTURE(sw3Text(sw3));
        if (samStatusFrom(sw3)) {
            ++documented;
            CHECK((kFailures.count(sw3) == 1 || isSuccess(sw3)));
        } else {
            const auto e = statusError(sw3);
            CHECK(e.code == "unknown_status");
            CHECK(e.category == ErrorCategory::Device);
            CHECK(e.message.find(sw3Text(sw3)) != std::string::npos);
        }
    }
    CHECK(documented == static_cast<int>(kFailures.size()) + 2);
}

TEST_CASE("checkStatus accepts each command's success answer and nothing else") {
    CHECK(!checkStatus(SamCommand::FindCard, 0x9F));
    REQUIRE(checkStatus(SamCommand::FindCard, 0x80));
    CHECK(checkStatus(SamCommand::FindCard, 0x80)->code == "no_card");
    CHECK(checkStatus(SamCommand::FindCard, 0x90)->code == "unexpected_status");

    CHECK(!checkStatus(SamCommand::SelectCard, 0x90));
    CHECK(!checkStatus(SamCommand::SelectCard, 0x9F));
    CHECK(checkStatus(SamCommand::SelectCard, 0x81)->code == "select_failed");

    for (const auto c : {SamCommand::ReadTextPhoto, SamCommand::ReadTextPhotoFingerprint,
                         SamCommand::ResetSam, SamCommand::SamStatus, SamCommand::SamId}) {
        CAPTURE(commandName(c));
        CHECK(!checkStatus(c, 0x90));
        CHECK(checkStatus(c, 0x9F)->code == "unexpected_status");
    }
    const auto readFailed = checkStatus(SamCommand::ReadTextPhoto, 0x41);
    REQUIRE(readFailed);
    CHECK(readFailed->category == ErrorCategory::Retry);
    CHECK(checkStatus(SamCommand::SamStatus, 0x60)->category == ErrorCategory::Device);
}
