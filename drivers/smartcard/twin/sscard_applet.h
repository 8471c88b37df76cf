#pragma once
// A social-security card as its chip answers APDUs: the file system of the basic application
// (the layout documented in drivers/smartcard/profiles/mohrss.toml, built here independently of
// that profile so that the two check each other) filled from a fictitious person, with the
// behaviour of a T=0 card:
//
//   SELECT by DF name "sx1.sh.社会保障"   61xx: the FCI waits for GET RESPONSE, handed out in
//                                         chunks of `getResponseChunk` bytes (61xx again until
//                                         the last chunk), so the reader's GET RESPONSE loop runs
//   SELECT 3F00 / EF05 / EF06 by file id  9000 (EF05/EF06 only below the SSSE directory)
//   READ RECORD P1 P2 Le                  P2 = (SFI << 3) | mode; SFI 0 = current EF, 5 = EF05,
//                                         6 = EF06; mode 000: P1 is the record identifier (the
//                                         tag), mode 100: P1 is the record number (1-based)
//                                         Le ≠ the record's length (Le 00 included) → 6Cxx,
//                                         as T=0 cards tell the reader the right Le
//   GET RESPONSE 00 C0 00 00 Le           the pending bytes; 6Cxx when Le asks for more than
//                                         is waiting, 6985 when nothing is
//
// Status words: 6E00 class, 6D00 instruction, 6A82 file not found, 6A83 record not found,
// 6A86 bad P1/P2, 6700 wrong length, 6986 no current EF.
//
// Records are  tag(1) length(1) value(length)  with fixed lengths: EF05 01 识别码 16 (region
// BCD first), 02 卡的类别 1, 03 规范版本 4, 04 初始化机构编号 12, 05 发卡日期 4, 06 卡有效期 4,
// 07 卡号 9; EF06 08 社会保障号码 18, 09 姓名 30 (GBK, space padded), 0A 性别 1, 0B 民族 1,
// 0C 出生地 3, 0D 出生日期 4 (sex, birthplace and birth date follow from the ID number).

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace hall::devsim {

// A fictitious card holder. Only fictitious identities belong in the simulator.
struct SsCardPerson {
    std::string cardNumber;       // 卡号: 1–9 letters/digits
    std::string name;             // 姓名, UTF-8; at most 30 bytes in GBK
    std::string idNumber;         // 社会保障号码: 18 characters (17 digits + digit or X)
    std::string region;           // issuing region, 6 digits
    std::string version = "3.00"; // 规范版本, 4 ASCII characters
    std::string cardType = "3";   // 卡的类别, 1 ASCII character
    std::string issueDate = "20230101";  // YYYYMMDD
    std::string expiryDate = "20330101"; // YYYYMMDD
};

struct AppletOptions {
    std::size_t getResponseChunk = 16; // bytes announced per 61xx
    std::vector<std::uint8_t> atr;     // empty: defaultAtr()
};

class SsCardApplet {
public:
    // Throws std::invalid_argument when a field of `person` does not fit the card.
    explicit SsCardApplet(const SsCardPerson& person, AppletOptions options = {});

    // 3B 6A 00 00 + ten historical bytes: direct convention, TB1 = TC1 = 00, T=0 only (no TD1,
    // hence no TCK), as contact social-security cards answer.
    static std::vector<std::uint8_t> defaultAtr();
    const std::vector<std::uint8_t>& atr() const { return options_.atr; }

    // Power-up or warm reset: nothing selected, nothing pending.
    void reset();
    // One command APDU in, the response APDU (data + SW1 SW2) out.
    std::vector<std::uint8_t> process(std::span<const std::uint8_t> command);

private:
    struct ElementaryFile {
        std::uint8_t sfi = 0;
        std::vector<std::vector<std::uint8_t>> records; // each tag | length | value
    };

    std::vector<std::uint8_t> select(std::uint8_t p1, std::span<const std::uint8_t> data);
    std::vector<std::uint8_t> readRecord(std::uint8_t p1, std::uint8_t p2,
                                         std::optional<std::uint16_t> le);
    std::vector<std::uint8_t> getResponse(std::optional<std::uint16_t> le);
    std::vector<std::uint8_t> announcePending();

    AppletOptions options_;
    std::map<std::uint16_t, ElementaryFile> files_; // by file id
    bool ssseSelected_ = false;
    std::uint16_t currentEf_ = 0;       // 0: none
    std::vector<std::uint8_t> pending_; // waiting for GET RESPONSE
};

// "sx1.sh." + 社会保障 in GBK: the DF name of the SSSE directory.
std::vector<std::uint8_t> ssseDfName();

} // namespace hall::devsim
