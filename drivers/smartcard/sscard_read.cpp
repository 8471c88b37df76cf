#include "drivers/smartcard/sscard_read.h"

#include "drivers/base/device_error.h"
#include "drivers/base/secure_wipe.h"
#include "drivers/smartcard/hex.h"
#include "drivers/smartcard/text_codec.h"

#include <algorithm>

namespace hall::drivers::smartcard {

namespace {

constexpr std::uint8_t kReadRecord = 0xB2;

[[noreturn]] void retry(std::string code, std::string message) {
    throw DeviceFailure(retryError(std::move(code), std::move(message)));
}

// Every exchange of the read; APDU-level faults become a Retry error naming the step.
ResponseApdu step(ApduTransport& card, const CommandApdu& command, const std::string& what) {
    try {
        return exchange(card, command);
    } catch (const ApduError& e) {
        retry("card_protocol_error",
              what + ": " + e.what() +
                  "; the card or reader garbled the exchange, insert the card again");
    }
}

std::string fieldWhere(const FileSpec& file, const FieldSpec& field) {
    return file.id + " record " + hexByte(field.record) + " (" +
           std::string(fieldName(field.target)) + ")";
}

bool allOf(const std::string& s, bool (*ok)(char)) {
    return std::all_of(s.begin(), s.end(), ok);
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isAlnum(char c) {
    return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// Plausibility of a decoded value, so a card that answers with rubbish in the right shape is
// still caught. Returns what is wrong, empty when fine.
std::string checkValue(RecordField target, std::string& value) {
    switch (target) {
    case RecordField::CardNumber:
        if (value.empty() || value.size() > 20 || !allOf(value, isAlnum))
            return "is not a card number (letters and digits)";
        return {};
    case RecordField::IdNumber: {
        if (!value.empty() && value.back() == 'x') value.back() = 'X';
        const bool digits = !value.empty() &&
                            std::all_of(value.begin(), value.end() - 1, isDigit) &&
                            (isDigit(value.back()) || value.back() == 'X');
        if (!digits || (value.size() != 18 && value.size() != 15))
            return "is not an 18- or 15-character ID number";
        return {};
    }
    case RecordField::HolderName:
        if (value.empty()) return "is empty";
        return {};
    case RecordField::IssuingRegion:
        if (value.size() != 6 || !allOf(value, isDigit)) return "is not a 6-digit region code";
        return {};
    case RecordField::CardVersion:
    case RecordField::CardType:
        if (value.empty()) return "is empty";
        return {};
    case RecordField::IssueDate:
    case RecordField::ExpiryDate:
        if (value.size() != 8 || !allOf(value, isDigit)) return "is not a YYYYMMDD date";
        return {};
    }
    return {};
}

std::string& slot(SocialSecurityCardRecord& r, RecordField target) {
    switch (target) {
    case RecordField::CardNumber:
        return r.cardNumber;
    case RecordField::HolderName:
        return r.holderName;
    case RecordField::IdNumber:
        return r.idNumber;
    case RecordField::IssuingRegion:
        return r.issuingRegion;
    case RecordField::CardVersion:
        return r.cardVersion;
    case RecordField::CardType:
        return r.cardType;
    case RecordField::IssueDate:
        return r.issueDate;
    case RecordField::ExpiryDate:
        return r.expiryDate;
    }
    return r.cardNumber; // unreachable: every enumerator is handled above
}

void readField(ApduTransport& card, const SsCardProfile& profile, const FileSpec& file,
               const FieldSpec& field, SocialSecurityCardRecord& record) {
    const std::string where = fieldWhere(file, field);
    CommandApdu read{0x00, kReadRecord, field.record, file.readRecordP2, {}, std::nullopt};
    read.le = profile.le == LeMode::Exact ? static_cast<std::uint16_t>(field.length + 2)
                                          : std::uint16_t{256};
    const ResponseApdu r = step(card, read, "reading " + where);
    if (!r.ok()) {
        if (r.sw() == 0x6982 || r.sw() == 0x6983)
            retry("record_unreadable",
                  "reading " + where + " answered " + statusText(r.sw()) +
                      ": the card protects this record with a PIN, so the profile lists a field "
                      "that is not public on this card");
        retry("record_unreadable",
              "reading " + where + " answered " + statusText(r.sw()) +
                  ": the card does not hold this record where the profile expects it");
    }
    // tag(1) length(1) value(length)
    const auto& d = r.data();
    if (d.size() < 2 || d[0] != field.tag)
        retry("bad_record", where + ": the record does not start with its tag " +
                                hexByte(field.tag) + " and a length byte");
    const std::size_t length = d[1];
    if (length > field.length)
        retry("bad_record", where + ": the record announces " + std::to_string(length) +
                                " bytes, the profile allows " + std::to_string(field.length));
    if (d.size() < 2 + length)
        retry("bad_record", where + ": the record announces " + std::to_string(length) +
                                " bytes but holds " + std::to_string(d.size() - 2));
    const std::span<const std::uint8_t> value(d.data() + 2, length);

    std::string text;
    try {
        switch (field.encoding) {
        case FieldEncoding::Ascii:
            text = asciiText(trimPadding(value));
            break;
        case FieldEncoding::Gbk:
            text = gbkToUtf8(trimPadding(value));
            break;
        case FieldEncoding::Bcd:
            text = bcdDigits(value, field.digits);
            break;
        }
    } catch (const TextCodecError& e) {
        retry("bad_record", where + ": " + e.what());
    }
    // Names are padded with ASCII or full-width spaces on some cards; trailing ones go.
    if (field.encoding == FieldEncoding::Gbk) {
        while (!text.empty() && text.back() == ' ')
            text.pop_back();
        while (text.size() >= 3 && text.compare(text.size() - 3, 3, "\xE3\x80\x80") == 0)
            text.resize(text.size() - 3);
    }
    const std::string problem = checkValue(field.target, text);
    if (!problem.empty()) {
        secureWipe(text);
        retry("bad_record", where + " " + problem);
    }
    std::string& target = slot(record, field.target);
    secureWipe(target);
    target = std::move(text);
    secureWipe(text);
}

void select(ApduTransport& card, const std::vector<std::uint8_t>& apdu, const std::string& what) {
    const CommandApdu command = CommandApdu::decode(apdu);
    const ResponseApdu r = step(card, command, "selecting " + what);
    if (!r.ok())
        retry("not_social_security_card",
              "selecting " + what + " answered " + statusText(r.sw()) +
                  ": not a social-security card, or one whose layout the profile does not "
                  "describe");
}

} // namespace

std::string statusText(std::uint16_t sw) {
    const std::string code = hexStatus(sw);
    switch (sw) {
    case 0x9000:
        return code + " success";
    case 0x6281:
        return code + " part of the data may be corrupted";
    case 0x6282:
        return code + " end of file reached";
    case 0x6700:
        return code + " wrong length";
    case 0x6981:
        return code + " command incompatible with the file structure";
    case 0x6982:
        return code + " security status not satisfied";
    case 0x6983:
        return code + " authentication method blocked";
    case 0x6985:
        return code + " conditions of use not satisfied";
    case 0x6986:
        return code + " command not allowed (no current EF)";
    case 0x6A81:
        return code + " function not supported";
    case 0x6A82:
        return code + " file or application not found";
    case 0x6A83:
        return code + " record not found";
    case 0x6A86:
        return code + " incorrect P1 P2";
    case 0x6B00:
        return code + " wrong parameters P1 P2";
    case 0x6D00:
        return code + " instruction not supported";
    case 0x6E00:
        return code + " class not supported";
    case 0x6F00:
        return code + " no precise diagnosis";
    default:
        return code;
    }
}

SocialSecurityCardRecord readSocialSecurityCard(ApduTransport& card, const SsCardProfile& profile) {
    SocialSecurityCardRecord record;
    for (std::size_t i = 0; i < profile.applicationSelect.size(); ++i)
        select(card, profile.applicationSelect[i],
               "the social-security application (" + profile.name + " step " +
                   std::to_string(i + 1) + ")");
    for (const FileSpec& file : profile.files) {
        if (!file.select.empty()) select(card, file.select, file.id);
        for (const FieldSpec& field : file.fields)
            readField(card, profile, file, field, record);
    }
    return record;
}

} // namespace hall::drivers::smartcard
