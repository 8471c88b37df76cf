#include "drivers/smartcard/twin/sscard_applet.h"

#include "drivers/smartcard/apdu.h"
#include "drivers/smartcard/text_codec.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace hall::devsim {

namespace {

using hall::drivers::smartcard::bcdEncode;
using hall::drivers::smartcard::CommandApdu;
using Bytes = std::vector<std::uint8_t>;

constexpr std::uint16_t kMf = 0x3F00;
constexpr std::uint16_t kEf05 = 0xEF05;
constexpr std::uint16_t kEf06 = 0xEF06;

Bytes sw(std::uint16_t s) {
    return {static_cast<std::uint8_t>(s >> 8), static_cast<std::uint8_t>(s & 0xFF)};
}

Bytes record(std::uint8_t tag, const Bytes& value) {
    Bytes r;
    r.reserve(2 + value.size());
    r.push_back(tag);
    r.push_back(static_cast<std::uint8_t>(value.size()));
    for (std::uint8_t b : value)
        r.push_back(b);
    return r;
}

// ASCII value, space padded to `length`.
Bytes ascii(const std::string& text, std::size_t length, const char* field) {
    if (text.empty() || text.size() > length)
        throw std::invalid_argument(std::string(field) + " must be 1.." + std::to_string(length) +
                                    " characters");
    for (char c : text)
        if (c < 0x20 || c > 0x7E)
            throw std::invalid_argument(std::string(field) + " must be printable ASCII");
    Bytes b(text.begin(), text.end());
    b.resize(length, 0x20);
    return b;
}

bool digits(const std::string& s, std::size_t n) {
    return s.size() == n &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

Bytes ssseDfName() {
    Bytes name{'s', 'x', '1', '.', 's', 'h', '.'};
    const Bytes chinese = {0xC9, 0xE7, 0xBB, 0xE1, 0xB1, 0xA3, 0xD5, 0xCF}; // 社会保障 (GBK)
    name.insert(name.end(), chinese.begin(), chinese.end());
    return name;
}

Bytes SsCardApplet::defaultAtr() {
    // TS=3B, T0=6A (TB1, TC1 follow; 10 historical bytes), TB1=00 (no Vpp), TC1=00 (no extra
    // guard time); historical bytes "HALL-SSC30" name the virtual card and its layout version.
    Bytes atr{0x3B, 0x6A, 0x00, 0x00};
    for (char c : std::string("HALL-SSC30"))
        atr.push_back(static_cast<std::uint8_t>(c));
    return atr;
}

SsCardApplet::SsCardApplet(const SsCardPerson& p, AppletOptions options)
    : options_(std::move(options)) {
    if (options_.atr.empty()) options_.atr = defaultAtr();
    if (options_.getResponseChunk == 0 || options_.getResponseChunk > 256)
        throw std::invalid_argument("getResponseChunk must be 1..256");
    for (char c : p.cardNumber)
        if (!std::isalnum(static_cast<unsigned char>(c)))
            throw std::invalid_argument("card number must be letters and digits");
    if (!digits(p.region, 6)) throw std::invalid_argument("region must be 6 digits");
    const bool idOk = p.idNumber.size() == 18 && digits(p.idNumber.substr(0, 17), 17) &&
                      ((p.idNumber[17] >= '0' && p.idNumber[17] <= '9') || p.idNumber[17] == 'X');
    if (!idOk) throw std::invalid_argument("ID number must be 17 digits and a digit or X");
    if (!digits(p.issueDate, 8) || !digits(p.expiryDate, 8))
        throw std::invalid_argument("dates must be YYYYMMDD");

    Bytes name = hall::drivers::smartcard::utf8ToGbk(p.name);
    if (name.empty() || name.size() > 30)
        throw std::invalid_argument("name must be 1..30 bytes in GBK");
    name.resize(30, 0x20);

    // 识别码: issuing region in BCD first (readers take its first six digits), then the
    // application identifier D156000005 and a serial derived from the card number.
    Bytes identifier = bcdEncode(p.region, 3);
    for (int b : {0xD1, 0x56, 0x00, 0x00, 0x05})
        identifier.push_back(static_cast<std::uint8_t>(b));
    std::uint32_t serial = 2166136261u; // FNV-1a of the card number
    for (char c : p.cardNumber)
        serial = (serial ^ static_cast<std::uint8_t>(c)) * 16777619u;
    for (int i = 0; i < 8; ++i)
        identifier.push_back(static_cast<std::uint8_t>(serial >> ((i % 4) * 8)));

    ElementaryFile ef05{0x05, {}};
    ef05.records.push_back(record(0x01, identifier));
    ef05.records.push_back(record(0x02, ascii(p.cardType, 1, "card type")));
    ef05.records.push_back(record(0x03, ascii(p.version, 4, "version")));
    ef05.records.push_back(record(0x04, bcdEncode("110000000000000000000000", 12)));
    ef05.records.push_back(record(0x05, bcdEncode(p.issueDate, 4)));
    ef05.records.push_back(record(0x06, bcdEncode(p.expiryDate, 4)));
    ef05.records.push_back(record(0x07, ascii(p.cardNumber, 9, "card number")));

    const int sexDigit = p.idNumber[16] - '0';
    ElementaryFile ef06{0x06, {}};
    ef06.records.push_back(record(0x08, ascii(p.idNumber, 18, "ID number")));
    ef06.records.push_back(record(0x09, name));
    ef06.records.push_back(
        record(0x0A, Bytes{static_cast<std::uint8_t>(sexDigit % 2 == 1 ? '1' : '2')}));
    ef06.records.push_back(record(0x0B, bcdEncode("01", 1)));
    ef06.records.push_back(record(0x0C, bcdEncode(p.idNumber.substr(0, 6), 3)));
    ef06.records.push_back(record(0x0D, bcdEncode(p.idNumber.substr(6, 8), 4)));

    files_[kEf05] = std::move(ef05);
    files_[kEf06] = std::move(ef06);
}

void SsCardApplet::reset() {
    ssseSelected_ = false;
    currentEf_ = 0;
    pending_.clear();
}

Bytes SsCardApplet::process(std::span<const std::uint8_t> bytes) {
    CommandApdu c;
    try {
        c = CommandApdu::decode(bytes);
    } catch (const hall::drivers::smartcard::ApduError&) {
        pending_.clear();
        return sw(0x6700);
    }
    // T=0: whatever was waiting is lost unless this is the GET RESPONSE for it.
    if (c.ins != 0xC0) pending_.clear();
    if (c.cla != 0x00) return sw(0x6E00);
    switch (c.ins) {
    case 0xA4:
        return select(c.p1, c.data);
    case 0xB2:
        return readRecord(c.p1, c.p2, c.le);
    case 0xC0:
        return getResponse(c.le);
    default:
        return sw(0x6D00);
    }
}

Bytes SsCardApplet::select(std::uint8_t p1, std::span<const std::uint8_t> data) {
    if (p1 == 0x04) {
        const Bytes name = ssseDfName();
        if (!std::equal(data.begin(), data.end(), name.begin(), name.end())) return sw(0x6A82);
        ssseSelected_ = true;
        currentEf_ = 0;
        // FCI template: 6F len | 84 len DF-name
        pending_ = {0x6F, static_cast<std::uint8_t>(name.size() + 2), 0x84,
                    static_cast<std::uint8_t>(name.size())};
        pending_.insert(pending_.end(), name.begin(), name.end());
        return announcePending();
    }
    if (p1 == 0x00 || p1 == 0x02) {
        if (data.size() != 2) return sw(0x6700);
        const auto fid = static_cast<std::uint16_t>((data[0] << 8) | data[1]);
        if (fid == kMf) {
            ssseSelected_ = false;
            currentEf_ = 0;
            return sw(0x9000);
        }
        if (!ssseSelected_ || files_.count(fid) == 0) return sw(0x6A82);
        currentEf_ = fid;
        return sw(0x9000);
    }
    return sw(0x6A86);
}

Bytes SsCardApplet::readRecord(std::uint8_t p1, std::uint8_t p2, std::optional<std::uint16_t> le) {
    const unsigned sfi = p2 >> 3;
    const unsigned mode = p2 & 0x07;
    const ElementaryFile* file = nullptr;
    if (sfi == 0) {
        if (currentEf_ == 0) return sw(0x6986);
        file = &files_.at(currentEf_);
    } else {
        if (!ssseSelected_) return sw(0x6A82);
        for (const auto& [fid, ef] : files_)
            if (ef.sfi == sfi) file = &ef;
        if (!file) return sw(0x6A82);
    }
    const Bytes* rec = nullptr;
    if (mode == 0x00) { // P1 = record identifier: first record with that tag
        for (const auto& r : file->records)
            if (r[0] == p1) {
                rec = &r;
                break;
            }
    } else if (mode == 0x04) { // P1 = record number
        if (p1 == 0) return sw(0x6A86);
        if (p1 <= file->records.size()) rec = &file->records[p1 - 1u];
    } else {
        return sw(0x6A86);
    }
    if (!rec) return sw(0x6A83);
    if (!le || *le != rec->size()) return sw(static_cast<std::uint16_t>(0x6C00 | rec->size()));
    Bytes out = *rec;
    out.push_back(0x90);
    out.push_back(0x00);
    return out;
}

Bytes SsCardApplet::announcePending() {
    const std::size_t n = std::min(pending_.size(), options_.getResponseChunk);
    return sw(static_cast<std::uint16_t>(0x6100 | (n == 256 ? 0 : n)));
}

Bytes SsCardApplet::getResponse(std::optional<std::uint16_t> le) {
    if (pending_.empty()) return sw(0x6985);
    const std::size_t want = le.value_or(256);
    if (want > pending_.size()) {
        const std::size_t n = std::min(pending_.size(), options_.getResponseChunk);
        return sw(static_cast<std::uint16_t>(0x6C00 | (n == 256 ? 0 : n)));
    }
    Bytes out(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(want));
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(want));
    const Bytes status = pending_.empty() ? sw(0x9000) : announcePending();
    out.insert(out.end(), status.begin(), status.end());
    return out;
}

} // namespace hall::devsim
