// The social-security read (profile over APDUs) against the virtual card's applet, in process:
// the shipped profile, the SFI / Le-00 variant, T=0 paths, and every way a card can disappoint.

#include "tests/drivers/smartcard/applet_transport.h"
#include "drivers/base/device_error.h"
#include "drivers/smartcard/sscard_read.h"
#include "tests/drivers/smartcard/scripted_card.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace hall::drivers;
using namespace hall::drivers::smartcard;
using smartcard_test::AppletTransport;
using smartcard_test::ScriptedCard;

namespace {
const std::string kData = HALL_SMARTCARD_TEST_DATA;

DeviceError failureOf(ApduTransport& card, const SsCardProfile& profile) {
    try {
        readSocialSecurityCard(card, profile);
    } catch (const DeviceFailure& f) {
        return f.error();
    }
    return DeviceError{ErrorCategory::Device, "no_error", ""};
}
} // namespace

TEST_CASE("the shipped profile reads every public field, following 61xx with GET RESPONSE") {
    hall::devsim::SsCardApplet applet(smartcard_test::alice());
    AppletTransport card(applet);
    const SocialSecurityCardRecord r = readSocialSecurityCard(card, defaultSsCardProfile());
    CHECK(r.cardNumber == "A01234567");
    CHECK(r.holderName == "张晓明");
    CHECK(r.idNumber == "44030519900307123X");
    CHECK(r.issuingRegion == "440300");
    CHECK(r.cardVersion == "3.00");
    CHECK(r.cardType == "3");
    CHECK(r.issueDate == "20230315");
    CHECK(r.expiryDate == "20330315");
    CHECK(r.maskedIdNumber() == "440305********123X");
    // The SELECT's FCI (19 bytes) comes in 16 + 3: 61 10, then 61 03.
    CHECK(card.moreData == 2);
    CHECK(std::count(card.instructions.begin(), card.instructions.end(), 0xC0) == 2);
    CHECK(card.wrongLe == 0);
}

TEST_CASE("SFI reads with Le 00: every length corrected through 6Cxx") {
    hall::devsim::SsCardApplet applet(smartcard_test::bob());
    AppletTransport card(applet);
    const SsCardProfile profile = loadSsCardProfile(kData + "/sfi-le-zero.toml");
    const SocialSecurityCardRecord r = readSocialSecurityCard(card, profile);
    CHECK(r.cardNumber == "B98765432");
    CHECK(r.holderName == "欧阳娜娜");
    CHECK(r.idNumber == "110101198512240026");
    CHECK(r.issuingRegion == "110100");
    CHECK(r.cardVersion == "2.00");
    CHECK(r.cardType.empty()); // not in this profile
    CHECK(card.wrongLe == 5);  // one per READ RECORD
    CHECK(std::count(card.instructions.begin(), card.instructions.end(), 0xA4) ==
          1); // no EF select
}

TEST_CASE("a card without the social-security application is not a social-security card") {
    ScriptedCard card;
    card.expect("00A404000F7378312E73682EC9E7BBE1B1A3D5CF", "6A82");
    const DeviceError e = failureOf(card, defaultSsCardProfile());
    CHECK(e.category == ErrorCategory::Retry);
    CHECK(e.code == "not_social_security_card");
    CHECK(e.message.find("6A82 file or application not found") != std::string::npos);
}

TEST_CASE("a refused READ RECORD names the record and the status word") {
    hall::devsim::SsCardApplet applet(smartcard_test::alice());
    AppletTransport card(applet);
    const DeviceError e = failureOf(card, loadSsCardProfile(kData + "/missing-record.toml"));
    CHECK(e.category == ErrorCategory::Retry);
    CHECK(e.code == "record_unreadable");
    CHECK(e.message.find("EF06 record 0E (holder_name) answered 6A83 record not found") !=
          std::string::npos);
}

TEST_CASE("a PIN-protected record is reported as not public") {
    ScriptedCard card;
    card.expect("00A404000F7378312E73682EC9E7BBE1B1A3D5CF", "9000")
        .expect("00A4020002EF05", "9000")
        .expect("00B2010012", "6982");
    const DeviceError e = failureOf(card, defaultSsCardProfile());
    CHECK(e.code == "record_unreadable");
    CHECK(e.message.find("protects this record with a PIN") != std::string::npos);
}

TEST_CASE(
    "records that do not have the announced shape are bad records, with no data in the message") {
    const std::string prefix = "00A404000F7378312E73682EC9E7BBE1B1A3D5CF";
    auto start = [&](ScriptedCard& c) {
        c.expect(prefix, "9000").expect("00A4020002EF05", "9000");
    };
    SUBCASE("wrong tag") {
        ScriptedCard card;
        start(card);
        card.expect("00B2010012", "02 10 44 03 05 D1 56 00 00 05 00 00 00 00 00 00 00 00 9000");
        CHECK(failureOf(card, defaultSsCardProfile())
                  .message.find("does not start with its tag 01") != std::string::npos);
    }
    SUBCASE("length beyond the profile") {
        ScriptedCard card;
        start(card);
        card.expect("00B2010012", "01 11 9000");
        CHECK(failureOf(card, defaultSsCardProfile())
                  .message.find("announces 17 bytes, the profile allows 16") != std::string::npos);
    }
    SUBCASE("truncated value") {
        ScriptedCard card;
        start(card);
        card.expect("00B2010012", "01 10 44 03 9000");
        CHECK(failureOf(card, defaultSsCardProfile())
                  .message.find("announces 16 bytes but holds 2") != std::string::npos);
    }
    SUBCASE("not BCD where BCD is due") {
        ScriptedCard card;
        start(card);
        card.expect("00B2010012", "01 10 4A 03 05 D1 56 00 00 05 00 00 00 00 00 00 00 00 9000");
        const DeviceError e = failureOf(card, defaultSsCardProfile());
        CHECK(e.code == "bad_record");
        CHECK(
            e.message.find("EF05 record 01 (issuing_region): BCD field has a non-decimal nibble") !=
            std::string::npos);
    }
    SUBCASE("an ID number that is no ID number") {
        ScriptedCard card;
        start(card);
        card.expect("00B2010012", "01 10 44 03 05 D1 56 00 00 05 00 00 00 00 00 00 00 00 9000")
            .expect("00B2020003", "02 01 33 9000")
            .expect("00B2030006", "03 04 33 2E 30 30 9000")
            .expect("00B2050006", "05 04 20 23 03 15 9000")
            .expect("00B2060006", "06 04 20 33 03 15 9000")
            .expect("00B207000B", "07 09 41 30 31 32 33 34 35 36 37 9000")
            .expect("00A4020002EF06", "9000")
            .expect("00B2080014",
                    "08 12 34 34 30 33 30 35 31 39 39 30 41 33 30 37 31 32 33 58 9000");
        const DeviceError e = failureOf(card, defaultSsCardProfile());
        CHECK(e.code == "bad_record");
        CHECK(e.message == "EF06 record 08 (id_number) is not an 18- or 15-character ID number");
    }
}

TEST_CASE("a garbled answer is a card protocol error (Retry)") {
    ScriptedCard card;
    card.expect("00A404000F7378312E73682EC9E7BBE1B1A3D5CF", "3C");
    const DeviceError e = failureOf(card, defaultSsCardProfile());
    CHECK(e.category == ErrorCategory::Retry);
    CHECK(e.code == "card_protocol_error");
}

TEST_CASE("the virtual card refuses what a card refuses") {
    hall::devsim::SsCardApplet applet(smartcard_test::alice());
    auto ask = [&](const char* hex) {
        return hall::drivers::smartcard::toHex(applet.process(fromHex(hex)), false);
    };
    CHECK(ask("80A4040000") == "6E00");
    CHECK(ask("00CA000000") == "6D00");
    CHECK(ask("00B2010000") == "6986");     // no current EF
    CHECK(ask("00A4020002EF05") == "6A82"); // EF05 lives under the SSSE directory
    CHECK(ask("00C0000010") == "6985");     // nothing waiting
    CHECK(ask("00A404000F7378312E73682EC9E7BBE1B1A3D5CF") == "6110");
    CHECK(ask("00C0000020") == "6C10"); // more than is announced
    CHECK(ask("00C0000010").substr(32) == "6103");
    CHECK(ask("00C0000003") == "A3D5CF9000");
    CHECK(ask("00A4020002EF05") == "9000");
    CHECK(ask("00B20F0000") == "6A83");
    CHECK(ask("00B2010100") == "6A86");
    CHECK(ask("00B2070000") == "6C0B");
    CHECK(ask("00B207000B").substr(0, 4) == "0709");
    CHECK(ask("00B2012C12").substr(0, 4) == "0110"); // by SFI 5, record number 1
    CHECK_THROWS_AS(hall::devsim::SsCardApplet(hall::devsim::SsCardPerson{}),
                    std::invalid_argument);
}
