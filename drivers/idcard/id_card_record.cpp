#include "drivers/idcard/id_card_record.h"

#include "drivers/idcard/id_number.h"
#include "drivers/idcard/nations.h"
#include "drivers/idcard/ucs2.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>

namespace hall::drivers::idcard {
namespace {

// A field of the 256-byte text block: byte offset and size (two bytes per UTF-16 unit).
struct Slot {
    std::size_t offset;
    std::size_t size;
};

// Text block layouts. Resident (GA 467) and the HKMT permit are as public reader code lays them out;
// the foreigners' layouts and the HKMT tail are as reader vendors' SDK headers and public
// parsers agree (several independent ones for 'I' and 'J', one SDK header for 'Y').
//
// Resident 居民身份证              HKMT permit 'J' 港澳台居民居住证
//   0  30 name                       0..220 as resident, except 32..36 reserved (no nation)
//  30   2 sex code                 220  18 pass number (通行证号码)
//  32   4 nation code              238   4 issue count (签发次数)
//  36  16 birth date YYYYMMDD      242   6 reserved
//  52  70 address                  248   2 'J'
// 122  36 ID number                250   6 reserved
// 158  30 issuing authority
// 188  16 valid from
// 204  16 valid to (or 长期)
// 220  36 reserved (U+0020)
namespace resident {
constexpr Slot kName{0, 30}, kSex{30, 2}, kNation{32, 4}, kBirth{36, 16}, kAddress{52, 70},
    kId{122, 36}, kAuthority{158, 30}, kFrom{188, 16}, kTo{204, 16};
} // namespace resident
namespace hkmt {
constexpr Slot kPassNumber{220, 18}, kIssueCount{238, 4};
} // namespace hkmt

// Foreigner 2017 'I' 外国人永久居留身份证   Foreigner 2023 'Y'
//   0 120 English name                      0  30 Chinese name
// 120   2 sex code                         30   2 sex code
// 122  30 card number (15 characters)      32   4 renewal count (换证次数)
// 152   6 nationality (ISO alpha-3)        36  16 birth date
// 158  30 Chinese name                     52  70 English name, characters 1-35
// 188  16 valid from                      122  36 card number (18, MOD 11-2 check)
// 204  16 valid to                        158  30 reserved
// 220  16 birth date                      188  16 valid from
// 236   4 card version (证件版本号)       204  16 valid to
// 240   8 accepting authority code        220  22 English name, characters 36-46
// 248   2 'I'                             242   6 nationality
// 250   6 reserved                        248   2 'Y'
//                                         250   6 link to the earlier card's number
namespace foreigner {
constexpr Slot kEnglishName{0, 120}, kSex{120, 2}, kId{122, 30}, kNationality{152, 6},
    kName{158, 30}, kFrom{188, 16}, kTo{204, 16}, kBirth{220, 16}, kVersion{236, 4},
    kAuthorityCode{240, 8};
} // namespace foreigner
namespace foreigner2023 {
constexpr Slot kName{0, 30}, kSex{30, 2}, kRenewal{32, 4}, kBirth{36, 16}, kEnglishName1{52, 70},
    kId{122, 36}, kFrom{188, 16}, kTo{204, 16}, kEnglishName2{220, 22}, kNationality{242, 6},
    kPreviousLink{250, 6};
} // namespace foreigner2023

constexpr std::size_t kMarkOffset = 248; // one UTF-16 unit: the card type

struct Mark {
    char letter;
    CardType type;
};
constexpr Mark kMarks[] = {{'I', CardType::ForeignerPermanent},
                           {'Y', CardType::ForeignerPermanent2023},
                           {'J', CardType::HkMacaoTaiwanPermit}};

DeviceError protocol(std::string message) {
    return deviceError("protocol", "ID-card read reply: " + std::move(message));
}

DeviceError misread(std::string message) {
    return retryError("misread", "the card's " + std::move(message) + "; read the card again");
}

bool isUpperAlnum(std::string_view s, std::size_t n) {
    return s.size() == n && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
           });
}

bool isSex(std::string_view s) {
    return s == "0" || s == "1" || s == "2" || s == "9";
}

bool isValidity(std::string_view s) {
    return s == kLongTerm || isCalendarDate(s);
}

// Decodes text blocks into a record; remembers the first failure.
class TextReader {
public:
    explicit TextReader(std::span<const std::uint8_t> text) : text_(text) {}

    bool read(Slot slot, std::string& out) {
        const auto raw = text_.subspan(slot.offset, slot.size);
        detail::reserveSecure(out, out.size() + detail::utf8Capacity(raw));
        return detail::appendUtf16le(raw, out) || fail(slot);
    }

    // Two slots that hold one logical field (the 2023 card's English name).
    bool readJoined(Slot first, Slot second, std::string& out) {
        std::array<std::uint8_t, 128> joined{};
        const auto a = text_.subspan(first.offset, first.size);
        const auto b = text_.subspan(second.offset, second.size);
        std::copy(a.begin(), a.end(), joined.begin());
        std::copy(b.begin(), b.end(), joined.begin() + static_cast<std::ptrdiff_t>(a.size()));
        const std::span raw(joined.data(), a.size() + b.size());
        detail::reserveSecure(out, out.size() + detail::utf8Capacity(raw));
        const bool ok = detail::appendUtf16le(raw, out);
        secureWipe(joined.data(), joined.size());
        return ok || fail(first);
    }

    const std::optional<DeviceError>& error() const { return error_; }

private:
    bool fail(Slot slot) {
        if (!error_) {
            error_ = protocol("text field at byte " + std::to_string(slot.offset) +
                              " is not UTF-16 text");
        }
        return false;
    }

    std::span<const std::uint8_t> text_;
    std::optional<DeviceError> error_;
};

// Rules every card type shares; returns the first broken one.
std::optional<DeviceError> checkCommon(const IdCardRecord& r, std::string_view sexCode) {
    if (!isSex(sexCode)) return misread("sex code is not one of 0, 1, 2, 9");
    if (!isPlausibleBirthDate(r.birthDate)) return misread("birth date is not a plausible date");
    if (!isCalendarDate(r.validFrom)) return misread("validity start is not a date");
    if (!isValidity(r.validTo)) return misread("validity end is neither a date nor 长期");
    return std::nullopt;
}

// 18-character numbers: check digit, and (where the standard puts it there) the birth date.
std::optional<DeviceError> checkIdNumber(const IdCardRecord& r, bool birthInNumber) {
    if (!isValidIdNumber(r.idNumber)) {
        return misread("ID number fails its check digit or format");
    }
    if (birthInNumber && std::string_view(r.idNumber).substr(6, 8) != r.birthDate) {
        return misread("ID number does not match the birth date");
    }
    return std::nullopt;
}

std::optional<DeviceError> decodeResident(TextReader& in, IdCardRecord& r, std::string& sex) {
    using namespace resident;
    if (!(in.read(kName, r.name) && in.read(kSex, sex) && in.read(kNation, r.nationCode) &&
          in.read(kBirth, r.birthDate) && in.read(kAddress, r.address) &&
          in.read(kId, r.idNumber) && in.read(kAuthority, r.issuingAuthority) &&
          in.read(kFrom, r.validFrom) && in.read(kTo, r.validTo))) {
        return in.error();
    }
    if (r.name.empty()) return misread("name is empty");
    if (r.address.empty()) return misread("address is empty");
    if (r.issuingAuthority.empty()) return misread("issuing authority is empty");
    const auto nation = nationName(r.nationCode);
    if (!nation) return misread("nation code is not in the code table");
    r.nationName = *nation;
    if (auto e = checkCommon(r, sex)) return e;
    return checkIdNumber(r, true);
}

std::optional<DeviceError> decodeHkmt(TextReader& in, IdCardRecord& r, std::string& sex) {
    using namespace resident;
    if (!(in.read(kName, r.name) && in.read(kSex, sex) && in.read(kBirth, r.birthDate) &&
          in.read(kAddress, r.address) && in.read(kId, r.idNumber) &&
          in.read(kAuthority, r.issuingAuthority) && in.read(kFrom, r.validFrom) &&
          in.read(kTo, r.validTo) && in.read(hkmt::kPassNumber, r.passNumber) &&
          in.read(hkmt::kIssueCount, r.issueCount))) {
        return in.error();
    }
    if (r.name.empty()) return misread("name is empty");
    if (r.passNumber.empty()) return misread("pass number is empty");
    if (auto e = checkCommon(r, sex)) return e;
    return checkIdNumber(r, true);
}

std::optional<DeviceError> decodeForeigner(TextReader& in, IdCardRecord& r, std::string& sex) {
    using namespace foreigner;
    if (!(in.read(kEnglishName, r.englishName) && in.read(kSex, sex) && in.read(kId, r.idNumber) &&
          in.read(kNationality, r.nationalityCode) && in.read(kName, r.name) &&
          in.read(kFrom, r.validFrom) && in.read(kTo, r.validTo) && in.read(kBirth, r.birthDate) &&
          in.read(kVersion, r.cardVersion) && in.read(kAuthorityCode, r.authorityCode))) {
        return in.error();
    }
    if (r.englishName.empty()) return misread("English name is empty");
    if (!isUpperAlnum(r.idNumber, 15)) return misread("card number is not 15 letters and digits");
    if (!isUpperAlnum(r.nationalityCode, 3)) return misread("nationality code is not 3 characters");
    return checkCommon(r, sex);
}

std::optional<DeviceError> decodeForeigner2023(TextReader& in, IdCardRecord& r, std::string& sex) {
    using namespace foreigner2023;
    if (!(in.read(kName, r.name) && in.read(kSex, sex) && in.read(kRenewal, r.renewalCount) &&
          in.read(kBirth, r.birthDate) &&
          in.readJoined(kEnglishName1, kEnglishName2, r.englishName) && in.read(kId, r.idNumber) &&
          in.read(kFrom, r.validFrom) && in.read(kTo, r.validTo) &&
          in.read(kNationality, r.nationalityCode) && in.read(kPreviousLink, r.previousCardLink))) {
        return in.error();
    }
    if (r.englishName.empty()) return misread("English name is empty");
    if (!isUpperAlnum(r.nationalityCode, 3)) return misread("nationality code is not 3 characters");
    if (auto e = checkCommon(r, sex)) return e;
    return checkIdNumber(r, false);
}

std::uint16_t be16(std::span<const std::uint8_t> d, std::size_t at) {
    return static_cast<std::uint16_t>(d[at] << 8 | d[at + 1]);
}

void putBe16(std::vector<std::uint8_t>& out, std::size_t v) {
    out.push_back(static_cast<std::uint8_t>(v >> 8));
    out.push_back(static_cast<std::uint8_t>(v & 0xFF));
}

bool isReadCommand(SamCommand c) {
    return c == SamCommand::ReadTextPhoto || c == SamCommand::ReadTextPhotoFingerprint;
}

// Encoding side: one field into its slot, or a clear error naming it.
class TextWriter {
public:
    explicit TextWriter(std::span<std::uint8_t> text) : text_(text) {}

    void write(Slot slot, std::string_view value, std::string_view field) {
        if (detail::writeUtf16le(value, text_.subspan(slot.offset, slot.size)) < 0) {
            fieldError(field, slot.size);
        }
    }

    // One logical field over two slots: written as one, then split.
    void writeJoined(Slot first, Slot second, std::string_view value, std::string_view field) {
        std::array<std::uint8_t, 128> joined{};
        const std::size_t size = first.size + second.size;
        const bool ok = detail::writeUtf16le(value, std::span(joined.data(), size)) >= 0;
        if (ok) {
            std::copy_n(joined.begin(), first.size,
                        text_.begin() + static_cast<std::ptrdiff_t>(first.offset));
            std::copy_n(joined.begin() + static_cast<std::ptrdiff_t>(first.size), second.size,
                        text_.begin() + static_cast<std::ptrdiff_t>(second.offset));
        }
        secureWipe(joined.data(), joined.size());
        if (!ok) fieldError(field, size);
    }

private:
    [[noreturn]] static void fieldError(std::string_view field, std::size_t slotBytes) {
        throw std::invalid_argument("ID-card field '" + std::string(field) +
                                    "' is not valid UTF-8 text or longer than its " +
                                    std::to_string(slotBytes / 2) + " characters");
    }

    std::span<std::uint8_t> text_;
};

} // namespace

std::string_view cardTypeName(CardType type) {
    switch (type) {
    case CardType::Resident:
        return "resident";
    case CardType::ForeignerPermanent:
        return "foreigner";
    case CardType::ForeignerPermanent2023:
        return "foreigner_2023";
    case CardType::HkMacaoTaiwanPermit:
        return "hkmt_permit";
    }
    return "unknown";
}

std::string_view sexName(Sex sex) {
    switch (sex) {
    case Sex::Unknown:
        return "未知";
    case Sex::Male:
        return "男";
    case Sex::Female:
        return "女";
    case Sex::Unspecified:
        return "未说明";
    }
    return "未知";
}

// ---- IdCardRecord ------------------------------------------------------------------------------

template <typename F> void IdCardRecord::forEachString(F&& f) {
    for (std::string* s :
         {&name, &englishName, &nationCode, &nationName, &birthDate, &address, &idNumber,
          &issuingAuthority, &validFrom, &validTo, &nationalityCode, &passNumber, &issueCount,
          &cardVersion, &authorityCode, &renewalCount, &previousCardLink}) {
        f(*s);
    }
}

IdCardRecord::IdCardRecord(IdCardRecord&& other) noexcept {
    *this = std::move(other);
}

IdCardRecord& IdCardRecord::operator=(IdCardRecord&& other) noexcept {
    if (this == &other) return *this;
    wipe();
    cardType = other.cardType;
    sex = other.sex;
    // Field by field: a moved-from short string keeps its characters in its inline buffer, so the
    // source is wiped afterwards.
    name = std::move(other.name);
    englishName = std::move(other.englishName);
    nationCode = std::move(other.nationCode);
    nationName = std::move(other.nationName);
    birthDate = std::move(other.birthDate);
    address = std::move(other.address);
    idNumber = std::move(other.idNumber);
    issuingAuthority = std::move(other.issuingAuthority);
    validFrom = std::move(other.validFrom);
    validTo = std::move(other.validTo);
    nationalityCode = std::move(other.nationalityCode);
    passNumber = std::move(other.passNumber);
    issueCount = std::move(other.issueCount);
    cardVersion = std::move(other.cardVersion);
    authorityCode = std::move(other.authorityCode);
    renewalCount = std::move(other.renewalCount);
    previousCardLink = std::move(other.previousCardLink);
    photo = std::move(other.photo);
    fingerprint = std::move(other.fingerprint);
    other.wipe();
    return *this;
}

void IdCardRecord::wipe() noexcept {
    forEachString([](std::string& s) { secureWipe(s); });
    photo.wipe();
    fingerprint.wipe();
    cardType = CardType::Resident;
    sex = Sex::Unknown;
}

// ---- decoding -----------------------------------------------------------------------------------

DecodeResult<IdCardRecord> decodeReadReply(std::span<const std::uint8_t> data, SamCommand command) {
    if (!isReadCommand(command)) return protocol("command is not a read");
    const bool withFingerprint = command == SamCommand::ReadTextPhotoFingerprint;
    const std::size_t header = withFingerprint ? 6 : 4;
    if (data.size() < header) {
        return protocol(std::to_string(data.size()) + " bytes, too short for its length fields");
    }
    const std::size_t textSize = be16(data, 0);
    const std::size_t photoSize = be16(data, 2);
    const std::size_t fingerprintSize = withFingerprint ? be16(data, 4) : 0;
    if (textSize != kTextBlockSize) {
        return protocol("text block length " + std::to_string(textSize) + ", expected 256");
    }
    if (photoSize > kPhotoSize) {
        return protocol("photo length " + std::to_string(photoSize) + " exceeds 1024");
    }
    if (fingerprintSize > kMaxFingerprintSize) {
        return protocol("fingerprint length " + std::to_string(fingerprintSize) + " exceeds 1024");
    }
    if (header + textSize + photoSize + fingerprintSize != data.size()) {
        return protocol("lengths add up to " +
                        std::to_string(header + textSize + photoSize + fingerprintSize) +
                        " bytes but the reply holds " + std::to_string(data.size()));
    }
    const auto text = data.subspan(header, textSize);

    IdCardRecord r;
    const auto mark = static_cast<std::uint16_t>(text[kMarkOffset] | text[kMarkOffset + 1] << 8);
    if (mark != 0x0020 && mark != 0x0000) {
        const auto known = std::find_if(std::begin(kMarks), std::end(kMarks),
                                        [&](const Mark& m) { return mark == m.letter; });
        if (known != std::end(kMarks)) {
            r.cardType = known->type;
        } else if (mark >= 'A' && mark <= 'Z') {
            return retryError("unsupported_card", std::string("the card's type mark '") +
                                                      static_cast<char>(mark) +
                                                      "' names a card this reader software cannot "
                                                      "decode yet");
        } else {
            return protocol("byte 248 holds no card type mark");
        }
    }

    TextReader in(text);
    std::string sex; // one ASCII digit: not personal on its own, but wiped all the same
    std::optional<DeviceError> failure;
    switch (r.cardType) {
    case CardType::Resident:
        failure = decodeResident(in, r, sex);
        break;
    case CardType::HkMacaoTaiwanPermit:
        failure = decodeHkmt(in, r, sex);
        break;
    case CardType::ForeignerPermanent:
        failure = decodeForeigner(in, r, sex);
        break;
    case CardType::ForeignerPermanent2023:
        failure = decodeForeigner2023(in, r, sex);
        break;
    }
    if (failure) {
        secureWipe(sex);
        return std::move(*failure); // r is wiped by its destructor
    }
    r.sex = static_cast<Sex>(sex[0]);
    secureWipe(sex);

    const auto photo = data.subspan(header + textSize, photoSize);
    r.photo = SecureBytes(std::vector<std::uint8_t>(photo.begin(), photo.end()));
    const auto fingerprint = data.subspan(header + textSize + photoSize, fingerprintSize);
    r.fingerprint = SecureBytes(std::vector<std::uint8_t>(fingerprint.begin(), fingerprint.end()));
    return DecodeResult<IdCardRecord>(std::move(r));
}

// ---- encoding (the twin) ---------------------------------------------------------------------

SecureBytes encodeTextBlock(const IdCardRecord& r) {
    std::vector<std::uint8_t> bytes(kTextBlockSize);
    for (std::size_t i = 0; i < bytes.size(); i += 2)
        bytes[i] = 0x20; // U+0020 padding
    SecureBytes block(std::move(bytes));
    TextWriter out(block.bytes());
    const std::string sex(1, static_cast<char>(r.sex));

    auto mark = [&](char letter) {
        block.bytes()[kMarkOffset] = static_cast<std::uint8_t>(letter);
        block.bytes()[kMarkOffset + 1] = 0;
    };
    switch (r.cardType) {
    case CardType::Resident:
    case CardType::HkMacaoTaiwanPermit: {
        using namespace resident;
        out.write(kName, r.name, "name");
        out.write(kSex, sex, "sex");
        if (r.cardType == CardType::Resident) out.write(kNation, r.nationCode, "nationCode");
        out.write(kBirth, r.birthDate, "birthDate");
        out.write(kAddress, r.address, "address");
        out.write(kId, r.idNumber, "idNumber");
        out.write(kAuthority, r.issuingAuthority, "issuingAuthority");
        out.write(kFrom, r.validFrom, "validFrom");
        out.write(kTo, r.validTo, "validTo");
        if (r.cardType == CardType::HkMacaoTaiwanPermit) {
            out.write(hkmt::kPassNumber, r.passNumber, "passNumber");
            out.write(hkmt::kIssueCount, r.issueCount, "issueCount");
            mark('J');
        }
        break;
    }
    case CardType::ForeignerPermanent: {
        using namespace foreigner;
        out.write(kEnglishName, r.englishName, "englishName");
        out.write(kSex, sex, "sex");
        out.write(kId, r.idNumber, "idNumber");
        out.write(kNationality, r.nationalityCode, "nationalityCode");
        out.write(kName, r.name, "name");
        out.write(kFrom, r.validFrom, "validFrom");
        out.write(kTo, r.validTo, "validTo");
        out.write(kBirth, r.birthDate, "birthDate");
        out.write(kVersion, r.cardVersion, "cardVersion");
        out.write(kAuthorityCode, r.authorityCode, "authorityCode");
        mark('I');
        break;
    }
    case CardType::ForeignerPermanent2023: {
        using namespace foreigner2023;
        out.write(kName, r.name, "name");
        out.write(kSex, sex, "sex");
        out.write(kRenewal, r.renewalCount, "renewalCount");
        out.write(kBirth, r.birthDate, "birthDate");
        out.writeJoined(kEnglishName1, kEnglishName2, r.englishName, "englishName");
        out.write(kId, r.idNumber, "idNumber");
        out.write(kFrom, r.validFrom, "validFrom");
        out.write(kTo, r.validTo, "validTo");
        out.write(kNationality, r.nationalityCode, "nationalityCode");
        out.write(kPreviousLink, r.previousCardLink, "previousCardLink");
        mark('Y');
        break;
    }
    }
    return block;
}

SecureBytes encodeReadReply(const IdCardRecord& r, SamCommand command) {
    if (!isReadCommand(command)) {
        throw std::invalid_argument("encodeReadReply: " + std::string(commandName(command)) +
                                    " is not a read command");
    }
    const bool withFingerprint = command == SamCommand::ReadTextPhotoFingerprint;
    if (r.photo.size() > kPhotoSize) {
        throw std::invalid_argument("encodeReadReply: photo of " + std::to_string(r.photo.size()) +
                                    " bytes exceeds 1024");
    }
    if (withFingerprint && r.fingerprint.size() > kMaxFingerprintSize) {
        throw std::invalid_argument("encodeReadReply: fingerprint of " +
                                    std::to_string(r.fingerprint.size()) + " bytes exceeds 1024");
    }
    const SecureBytes text = encodeTextBlock(r);
    const std::size_t fingerprintSize = withFingerprint ? r.fingerprint.size() : 0;
    std::vector<std::uint8_t> out;
    out.reserve((withFingerprint ? 6 : 4) + text.size() + r.photo.size() + fingerprintSize);
    putBe16(out, text.size());
    putBe16(out, r.photo.size());
    if (withFingerprint) putBe16(out, fingerprintSize);
    out.insert(out.end(), text.bytes().begin(), text.bytes().end());
    out.insert(out.end(), r.photo.bytes().begin(), r.photo.bytes().end());
    if (withFingerprint) {
        out.insert(out.end(), r.fingerprint.bytes().begin(), r.fingerprint.bytes().end());
    }
    return SecureBytes(std::move(out));
}

} // namespace hall::drivers::idcard
