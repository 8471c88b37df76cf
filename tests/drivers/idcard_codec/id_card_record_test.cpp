// Read replies of fictitious cardholders decoded field by field, for each card layout; the
// errors a malformed or misread block gives; and encodeTextBlock as the decoder's inverse.
#include "tests/drivers/idcard_codec/card_fixtures.h"
#include "drivers/idcard/id_card_record.h"
#include "drivers/idcard/id_number.h"
#include "drivers/idcard/sam_frame.h"
#include "drivers/idcard/sam_status.h"

#include <doctest/doctest.h>
#include <stdexcept>
#include <string>
#include <vector>

using namespace hall::drivers;
using namespace hall::drivers::idcard;
using namespace idcard_test;
using Bytes = std::vector<std::uint8_t>;

namespace {

// The whole path a reader takes: frame bytes -> decoder -> response -> status -> record.
DecodeResult<IdCardRecord> throughFrame(const Bytes& replyData,
                                        SamCommand command = SamCommand::ReadTextPhoto) {
    const auto frame = encodeResponse(0x90, replyData);
    SamFrameDecoder decoder;
    REQUIRE(decoder.feed(frame) == frame.size());
    auto next = decoder.next();
    REQUIRE(next.has_value());
    REQUIRE(next->ok());
    auto response = parseResponse(std::move(next->value()));
    REQUIRE(response.ok());
    REQUIRE(!checkStatus(command, response->sw3));
    return decodeReadReply(response->data.bytes(), command);
}

DeviceError errorOf(const Bytes& data, SamCommand command = SamCommand::ReadTextPhoto) {
    auto r = decodeReadReply(data, command);
    REQUIRE(!r.ok());
    return r.error();
}

// Errors must never carry what was on the card.
void checkNoPersonalData(const DeviceError& e) {
    for (const char* s : {"王小红", "11010519491231002", "北京市", "19491231", "张玛丽", "ZHANG",
                          "陈大文", "810000", "H12345678"}) {
        CHECK_MESSAGE(e.message.find(s) == std::string::npos, "message leaks ", s);
    }
}

Bytes withText(const TextBlock& t) {
    return readReply(t, photoBytes());
}

} // namespace

TEST_CASE("a full 30 01 reply of a resident decodes every field") {
    auto r = throughFrame(readReply(residentText(), photoBytes()));
    REQUIRE(r.ok());
    const IdCardRecord& p = r.value();
    CHECK(p.cardType == CardType::Resident);
    CHECK(p.name == "王小红");
    CHECK(p.sex == Sex::Female);
    CHECK(sexName(p.sex) == "女");
    CHECK(p.nationCode == "01");
    CHECK(p.nationName == "汉");
    CHECK(p.birthDate == "19491231");
    CHECK(p.address == "北京市朝阳区示例路1号院2号楼3单元401室");
    CHECK(p.idNumber == "11010519491231002X");
    CHECK(p.issuingAuthority == "北京市公安局朝阳分局");
    CHECK(p.validFrom == "20150101");
    CHECK(p.validTo == "长期");
    CHECK(p.validToIsLongTerm());
    CHECK(p.englishName.empty());
    CHECK(p.passNumber.empty());
    CHECK(p.photo.bytes() == photoBytes());
    CHECK(p.fingerprint.empty());
}

TEST_CASE("a full 30 01 reply of a foreigner (2017 card, 'I') decodes its own layout") {
    auto r = throughFrame(readReply(foreignerText(), photoBytes()));
    REQUIRE(r.ok());
    const IdCardRecord& p = r.value();
    CHECK(p.cardType == CardType::ForeignerPermanent);
    CHECK(p.englishName == "ZHANG, MARIA ELENA");
    CHECK(p.name == "张玛丽");
    CHECK(p.sex == Sex::Female);
    CHECK(p.idNumber == "CAN310080010124");
    CHECK(p.nationalityCode == "CAN");
    CHECK(p.validFrom == "20170601");
    CHECK(p.validTo == "20270601");
    CHECK(!p.validToIsLongTerm());
    CHECK(p.birthDate == "19800101");
    CHECK(p.cardVersion == "01");
    CHECK(p.authorityCode == "1100");
    CHECK(p.nationCode.empty());
    CHECK(p.address.empty());
    CHECK(p.photo.bytes() == photoBytes());
}

TEST_CASE("the 2023 foreigner's card ('Y') joins its English name from both slots") {
    auto r = throughFrame(readReply(foreigner2023Text(), photoBytes()));
    REQUIRE(r.ok());
    const IdCardRecord& p = r.value();
    CHECK(p.cardType == CardType::ForeignerPermanent2023);
    CHECK(p.name == "李安娜");
    CHECK(p.englishName == "WILLIAMSON-FITZGERALD, ALEXANDRA CATHERINE");
    CHECK(p.sex == Sex::Female);
    CHECK(p.renewalCount == "00");
    CHECK(p.birthDate == "19850615");
    CHECK(p.idNumber == withCheckDigit("91112419850615002"));
    CHECK(p.validFrom == "20230601");
    CHECK(p.validTo == "20330601");
    CHECK(p.nationalityCode == "CAN");
    CHECK(p.previousCardLink == "123");

    // A short English name leaves the continuation slot blank.
    auto shortName = foreigner2023Text();
    std::u16string first(35, u' ');
    first.replace(0, 9, u"LEE, ANNA");
    shortName.put(52, 70, first).put(220, 22, std::u16string(11, u' '));
    auto s = decodeReadReply(withText(shortName));
    REQUIRE(s.ok());
    CHECK(s->englishName == "LEE, ANNA");
}

TEST_CASE("a full 30 01 reply of a Hong Kong/Macao/Taiwan residence permit ('J')") {
    auto r = throughFrame(readReply(hkmtText(), photoBytes()));
    REQUIRE(r.ok());
    const IdCardRecord& p = r.value();
    CHECK(p.cardType == CardType::HkMacaoTaiwanPermit);
    CHECK(p.name == "陈大文");
    CHECK(p.sex == Sex::Male);
    CHECK(p.birthDate == "19880808");
    CHECK(p.address == "广东省深圳市福田区示例大道8号");
    CHECK(p.idNumber == withCheckDigit("81000019880808123"));
    CHECK(p.issuingAuthority == "深圳市公安局福田分局");
    CHECK(p.validFrom == "20200101");
    CHECK(p.validTo == "20250101");
    CHECK(p.passNumber == "H12345678");
    CHECK(p.issueCount == "01");
    CHECK(p.nationCode.empty()); // the permit's nation slot is reserved
}

TEST_CASE("a 30 10 reply carries the fingerprint block, empty or not") {
    Bytes fingerprint(1024);
    for (std::size_t i = 0; i < fingerprint.size(); ++i)
        fingerprint[i] = static_cast<std::uint8_t>(i);
    auto r = throughFrame(readReplyWithFingerprint(residentText(), photoBytes(), fingerprint),
                          SamCommand::ReadTextPhotoFingerprint);
    REQUIRE(r.ok());
    CHECK(r->fingerprint.bytes() == fingerprint);
    CHECK(r->photo.bytes() == photoBytes());
    CHECK(r->name == "王小红");

    auto none = decodeReadReply(readReplyWithFingerprint(residentText(), photoBytes(), {}),
                                SamCommand::ReadTextPhotoFingerprint);
    REQUIRE(none.ok());
    CHECK(none->fingerprint.empty());

    // The largest reply the frame decoder accepts is exactly this one.
    CHECK(encodeResponse(0x90, readReplyWithFingerprint(residentText(), photoBytes(), fingerprint))
              .size() == kSamMaxFrameSize);
}

TEST_CASE("padding with U+0000 is trimmed like U+0020, and surrogate pairs decode") {
    auto t = residentText();
    // 𠀀 (U+20000, a CJK Extension B character) as D840 DC00, then NUL padding.
    t.put(0, 30, u"王\U00020000红").raw(8, {0x00, 0x00, 0x00, 0x00, 0x00, 0x00});
    auto r = decodeReadReply(withText(t));
    REQUIRE(r.ok());
    CHECK(r->name == "王\xF0\xA0\x80\x80红");
}

TEST_CASE("malformed blocks are Device 'protocol' errors") {
    const auto good = readReply(residentText(), photoBytes());
    SUBCASE("text length is not 256") {
        auto d = good;
        d[1] = 0xFF;
        const auto e = errorOf(d);
        CHECK(e.code == "protocol");
        CHECK(e.category == ErrorCategory::Device);
    }
    SUBCASE("photo longer than 1024") {
        auto d = good;
        d[2] = 0x05;
        d.resize(4 + 256 + 0x500);
        CHECK(errorOf(d).code == "protocol");
    }
    SUBCASE("lengths do not add up") {
        auto d = good;
        d.pop_back();
        CHECK(errorOf(d).code == "protocol");
        d = good;
        d.push_back(0);
        CHECK(errorOf(d).code == "protocol");
    }
    SUBCASE("too short for its length fields") {
        CHECK(errorOf(Bytes{0x01, 0x00, 0x04}).code == "protocol");
        CHECK(errorOf(Bytes{0x01, 0x00, 0x04, 0x00}, SamCommand::ReadTextPhotoFingerprint).code ==
              "protocol");
        CHECK(errorOf(Bytes{}).code == "protocol");
    }
    SUBCASE("fingerprint longer than 1024") {
        const auto d = readReplyWithFingerprint(residentText(), photoBytes(), Bytes(1025, 0));
        CHECK(errorOf(d, SamCommand::ReadTextPhotoFingerprint).code == "protocol");
    }
    SUBCASE("an unpaired surrogate in a field") {
        auto t = residentText();
        t.raw(2, {0x00, 0xD8});
        const auto e = errorOf(withText(t));
        CHECK(e.code == "protocol");
        checkNoPersonalData(e);
    }
    SUBCASE("a control character inside a field") {
        auto t = residentText();
        t.raw(2, {0x07, 0x00});
        CHECK(errorOf(withText(t)).code == "protocol");
    }
    SUBCASE("byte 248 holds something that is no type mark") {
        auto t = residentText();
        t.put(248, 2, u"中");
        CHECK(errorOf(withText(t)).code == "protocol");
    }
    SUBCASE("not a read command") {
        CHECK(errorOf(good, SamCommand::FindCard).code == "protocol");
    }
}

TEST_CASE("an unknown card type letter is a Retry 'unsupported_card'") {
    auto t = residentText();
    t.put(248, 2, u"Z");
    const auto e = errorOf(withText(t));
    CHECK(e.code == "unsupported_card");
    CHECK(e.category == ErrorCategory::Retry);
    CHECK(e.message.find("'Z'") != std::string::npos);
}

TEST_CASE("fields that break their own rules are Retry 'misread' errors without personal data") {
    auto misread = [](const TextBlock& t) {
        const auto e = errorOf(withText(t));
        CHECK(e.code == "misread");
        CHECK(e.category == ErrorCategory::Retry);
        checkNoPersonalData(e);
        return e.message;
    };
    SUBCASE("wrong check digit") {
        auto t = residentText();
        t.put(122, 36, u"110105194912310021");
        CHECK(misread(t).find("check digit") != std::string::npos);
    }
    SUBCASE("lower-case x") {
        auto t = residentText();
        t.put(122, 36, u"11010519491231002x");
        misread(t);
    }
    SUBCASE("ID number and birth date disagree") {
        auto t = residentText();
        t.put(36, 16, u"19491230");
        CHECK(misread(t).find("birth date") != std::string::npos);
    }
    SUBCASE("HKMT number with a wrong check digit") {
        auto t = hkmtText();
        auto id = withCheckDigit("81000019880808123");
        id.back() = id.back() == '0' ? '1' : '0';
        t.put(122, 36, std::u16string(id.begin(), id.end()));
        misread(t);
    }
    SUBCASE("2023 foreigner number with a wrong check digit") {
        auto t = foreigner2023Text();
        auto id = withCheckDigit("91112419850615002");
        id.back() = id.back() == '0' ? '1' : '0';
        t.put(122, 36, std::u16string(id.begin(), id.end()));
        misread(t);
    }
    SUBCASE("nation code outside the table") {
        auto t = residentText();
        t.put(32, 4, u"99");
        misread(t);
    }
    SUBCASE("impossible birth date") {
        auto t = foreignerText();
        t.put(220, 16, u"19800230");
        misread(t);
    }
    SUBCASE("validity end neither a date nor 长期") {
        auto t = residentText();
        t.put(204, 16, u"长久    ");
        misread(t);
    }
    SUBCASE("sex code") {
        auto t = residentText();
        t.put(30, 2, u"5");
        misread(t);
    }
    SUBCASE("empty name") {
        auto t = residentText();
        t.put(0, 30, std::u16string(15, u' '));
        misread(t);
    }
    SUBCASE("foreigner's card number of the wrong shape") {
        auto t = foreignerText();
        t.put(122, 30, u"CAN31008001012 ");
        misread(t);
    }
}

TEST_CASE("a reply with no photo bytes still decodes; the photo stays empty") {
    auto r = decodeReadReply(readReply(residentText(), {}));
    REQUIRE(r.ok());
    CHECK(r->photo.empty());
}

TEST_CASE("encodeTextBlock reproduces the reader's bytes, and decoding round-trips") {
    for (const auto& fixture : {residentText(), foreignerText(), foreigner2023Text(), hkmtText()}) {
        auto decoded = decodeReadReply(withText(fixture));
        REQUIRE(decoded.ok());
        CAPTURE(cardTypeName(decoded->cardType));
        const auto block = encodeTextBlock(decoded.value());
        CHECK(block.bytes() ==
              std::vector<std::uint8_t>(fixture.bytes().begin(), fixture.bytes().end()));

        for (const auto command :
             {SamCommand::ReadTextPhoto, SamCommand::ReadTextPhotoFingerprint}) {
            decoded->fingerprint = SecureBytes(Bytes(512, 0x77));
            const auto reply = encodeReadReply(decoded.value(), command);
            auto again = decodeReadReply(reply.bytes(), command);
            REQUIRE(again.ok());
            CHECK(again->cardType == decoded->cardType);
            CHECK(again->name == decoded->name);
            CHECK(again->englishName == decoded->englishName);
            CHECK(again->sex == decoded->sex);
            CHECK(again->nationCode == decoded->nationCode);
            CHECK(again->nationName == decoded->nationName);
            CHECK(again->birthDate == decoded->birthDate);
            CHECK(again->address == decoded->address);
            CHECK(again->idNumber == decoded->idNumber);
            CHECK(again->issuingAuthority == decoded->issuingAuthority);
            CHECK(again->validFrom == decoded->validFrom);
            CHECK(again->validTo == decoded->validTo);
            CHECK(again->nationalityCode == decoded->nationalityCode);
            CHECK(again->passNumber == decoded->passNumber);
            CHECK(again->issueCount == decoded->issueCount);
            CHECK(again->cardVersion == decoded->cardVersion);
            CHECK(again->authorityCode == decoded->authorityCode);
            CHECK(again->renewalCount == decoded->renewalCount);
            CHECK(again->previousCardLink == decoded->previousCardLink);
            CHECK(again->photo.bytes() == decoded->photo.bytes());
            CHECK(again->fingerprint.size() ==
                  (command == SamCommand::ReadTextPhotoFingerprint ? 512u : 0u));
        }
    }
}

TEST_CASE("a record built by hand encodes and decodes to itself") {
    IdCardRecord p;
    p.cardType = CardType::Resident;
    p.name = "欧阳明月";
    p.sex = Sex::Male;
    p.nationCode = "05";
    p.birthDate = "20000229";
    p.address = "新疆维吾尔自治区乌鲁木齐市示例街道";
    p.idNumber = withCheckDigit("65010220000229011");
    p.issuingAuthority = "乌鲁木齐市公安局天山区分局";
    p.validFrom = "20160301";
    p.validTo = "20260301";
    p.photo = SecureBytes(photoBytes());
    auto r = decodeReadReply(encodeReadReply(p).bytes());
    REQUIRE(r.ok());
    CHECK(r->name == p.name);
    CHECK(r->nationName == "维吾尔");
    CHECK(r->idNumber == p.idNumber);
    CHECK(r->address == p.address);
}

TEST_CASE("encoding refuses what does not fit, naming the field, never its value") {
    IdCardRecord p;
    p.name = "一二三四五六七八九十一二三四五六"; // 16 characters, the slot holds 15
    try {
        encodeTextBlock(p);
        FAIL("no exception");
    } catch (const std::invalid_argument& e) {
        const std::string what = e.what();
        CHECK(what.find("'name'") != std::string::npos);
        CHECK(what.find("一二三") == std::string::npos);
    }
    p.name = "\xFF\xFE";
    CHECK_THROWS_AS(encodeTextBlock(p), std::invalid_argument);
    p.name = "名";
    p.photo = SecureBytes(Bytes(1025, 0));
    CHECK_THROWS_AS(encodeReadReply(p), std::invalid_argument);
    p.photo = SecureBytes(photoBytes());
    CHECK_THROWS_AS(encodeReadReply(p, SamCommand::FindCard), std::invalid_argument);
}
