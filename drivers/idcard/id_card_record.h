#pragma once
// What an ID-card read yields: the person on the card, decoded from the reply to 30 01 / 30 10.
//
// Personal data: every string and byte buffer here is wiped by wipe() and on
// destruction, and the record is move-only (a move wipes the source), so no copy outlives the
// session that needs it. Never log a field; show the ID number through maskIdNumber().

#include "drivers/base/secure_wipe.h"
#include "drivers/idcard/decode_result.h"
#include "drivers/idcard/sam_frame.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace hall::drivers::idcard {

// Which card it is, from byte 248 of the text block.
enum class CardType {
    Resident,               // 居民身份证 (二代证): byte 248 is padding
    ForeignerPermanent,     // 外国人永久居留身份证, 2017 version: 'I'
    ForeignerPermanent2023, // 外国人永久居留身份证, 2023 version: 'Y'
    HkMacaoTaiwanPermit,    // 港澳台居民居住证: 'J'
};
std::string_view
cardTypeName(CardType type); // "resident", "foreigner", "foreigner_2023", "hkmt_permit"

// GB/T 2261.1 sex codes, as the card stores them (one ASCII digit).
enum class Sex : char { Unknown = '0', Male = '1', Female = '2', Unspecified = '9' };
std::string_view sexName(Sex sex); // 未知, 男, 女, 未说明

inline constexpr std::string_view kLongTerm = "长期"; // validTo of a card that does not expire

class IdCardRecord {
public:
    IdCardRecord() = default;
    ~IdCardRecord() { wipe(); }
    IdCardRecord(const IdCardRecord&) = delete;
    IdCardRecord& operator=(const IdCardRecord&) = delete;
    IdCardRecord(IdCardRecord&& other) noexcept;
    IdCardRecord& operator=(IdCardRecord&& other) noexcept;

    // Overwrites every field's memory (full capacity) and empties it; cardType and sex reset.
    void wipe() noexcept;

    bool validToIsLongTerm() const { return validTo == kLongTerm; }

    CardType cardType = CardType::Resident;
    Sex sex = Sex::Unknown;
    // All strings UTF-8, padding removed. Empty when the card type has no such field.
    std::string name;             // Chinese name (a foreigner's may be empty)
    std::string englishName;      // foreigners' cards
    std::string nationCode;       // resident: "01".."56", "97", "98"
    std::string nationName;       // resident: from the code table, "汉"
    std::string birthDate;        // YYYYMMDD
    std::string address;          // resident, HKMT permit
    std::string idNumber;         // 18 characters; a 2017 foreigner's card has 15
    std::string issuingAuthority; // resident, HKMT permit (签发机关)
    std::string validFrom;        // YYYYMMDD
    std::string validTo;          // YYYYMMDD or kLongTerm
    std::string nationalityCode;  // foreigners: ISO 3166-1 alpha-3, "CAN"
    std::string passNumber;       // HKMT permit: 通行证号码
    std::string issueCount;       // HKMT permit: 签发次数, two digits
    std::string cardVersion;      // 2017 foreigner: 证件版本号, two digits
    std::string authorityCode; // 2017 foreigner: code of the accepting authority (受理机关代码)
    std::string renewalCount;     // 2023 foreigner: 换证次数, two digits
    std::string previousCardLink; // 2023 foreigner: link to the earlier card's number
    SecureBytes photo;            // WLT-compressed, as read (kPhotoSize); see photo_decoder.h
    SecureBytes fingerprint;      // 30 10 only; empty when the card holds none

private:
    template <typename F> void forEachString(F&& f);
};

// Decodes the data of a successful read reply (SamResponse::data after SW3 90):
//   30 01:  text length (2, BE) | photo length (2, BE) | text | photo
//   30 10:  text length | photo length | fingerprint length (2, BE) | text | photo | fingerprint
// The text block must be 256 bytes, the photo at most 1024, the fingerprint at most 1024, and
// the lengths must add up to the data exactly. The layout is chosen by byte 248 of the text.
// Errors, never carrying personal data:
//   Device "protocol"         the block is malformed (lengths, not UTF-16, unknown layout mark)
//   Retry  "misread"          a field fails its own rules: the ID number's check digit or
//                             birth date, a date, the sex or nation code, a required field empty
//   Retry  "unsupported_card" byte 248 marks a card type this codec does not know
DecodeResult<IdCardRecord> decodeReadReply(std::span<const std::uint8_t> data,
                                           SamCommand command = SamCommand::ReadTextPhoto);

// The inverse, for the twin: the 256-byte text block of record in its card type's layout.
// Checks only that each field is valid UTF-8 and fits its slot (so a twin can serve a card with
// a wrong check digit); throws std::invalid_argument naming the field otherwise.
SecureBytes encodeTextBlock(const IdCardRecord& record);

// The whole read reply data for command (30 01 or 30 10): lengths, text block, record.photo,
// and for 30 10 record.fingerprint. Throws std::invalid_argument when a block is too long or
// command is not a read.
SecureBytes encodeReadReply(const IdCardRecord& record,
                            SamCommand command = SamCommand::ReadTextPhoto);

} // namespace hall::drivers::idcard
