#pragma once
// The public identification fields of a social-security card (社会保障卡), as one read
// delivers them. Personal data: move-only so no stray copy is left behind, and every string is
// wiped when the record is destroyed or overwritten. Never log it; show the ID number masked.

#include "drivers/smartcard/card_info.h"

#include <string>

namespace hall::drivers::smartcard {

class SocialSecurityCardRecord {
public:
    SocialSecurityCardRecord() = default;
    ~SocialSecurityCardRecord() { wipe(); }
    SocialSecurityCardRecord(const SocialSecurityCardRecord&) = delete;
    SocialSecurityCardRecord& operator=(const SocialSecurityCardRecord&) = delete;
    SocialSecurityCardRecord(SocialSecurityCardRecord&& other) noexcept;
    SocialSecurityCardRecord& operator=(SocialSecurityCardRecord&& other) noexcept;

    std::string cardNumber;    // 卡号, printed on the card (9 characters on current cards)
    std::string holderName;    // 姓名, UTF-8
    std::string idNumber;      // 社会保障号码: the holder's citizen ID number (18 characters)
    std::string issuingRegion; // 发卡地区行政区划代码, 6 digits (GB/T 2260)
    std::string cardVersion;   // 规范版本, e.g. "3.00"
    std::string cardType;      // 卡的类别, empty when the profile does not read it
    std::string issueDate;     // 发卡日期 YYYYMMDD, empty when not read
    std::string expiryDate;    // 卡有效期 YYYYMMDD, empty when not read
    CardInfo card;             // reader, ATR, protocol: not personal

    // "110101********1234": the form to show on screen or print.
    std::string maskedIdNumber() const;
    void wipe() noexcept;

private:
    void takeFrom(SocialSecurityCardRecord& other) noexcept;
};

} // namespace hall::drivers::smartcard
