#include "drivers/smartcard/sscard_record.h"

#include "drivers/base/secure_wipe.h"

namespace hall::drivers::smartcard {

SocialSecurityCardRecord::SocialSecurityCardRecord(SocialSecurityCardRecord&& other) noexcept {
    takeFrom(other);
}

SocialSecurityCardRecord&
SocialSecurityCardRecord::operator=(SocialSecurityCardRecord&& other) noexcept {
    if (this != &other) {
        wipe();
        takeFrom(other);
    }
    return *this;
}

void SocialSecurityCardRecord::takeFrom(SocialSecurityCardRecord& other) noexcept {
    // A moved std::string may leave its characters in the source's small-string buffer; the
    // source is wiped right after, so nothing survives there.
    cardNumber = std::move(other.cardNumber);
    holderName = std::move(other.holderName);
    idNumber = std::move(other.idNumber);
    issuingRegion = std::move(other.issuingRegion);
    cardVersion = std::move(other.cardVersion);
    cardType = std::move(other.cardType);
    issueDate = std::move(other.issueDate);
    expiryDate = std::move(other.expiryDate);
    card = std::move(other.card);
    other.wipe();
}

void SocialSecurityCardRecord::wipe() noexcept {
    for (std::string* s : {&cardNumber, &holderName, &idNumber, &issuingRegion, &cardVersion,
                           &cardType, &issueDate, &expiryDate})
        secureWipe(*s);
}

std::string SocialSecurityCardRecord::maskedIdNumber() const {
    if (idNumber.size() <= 10) return std::string(idNumber.size(), '*');
    return idNumber.substr(0, 6) + std::string(idNumber.size() - 10, '*') +
           idNumber.substr(idNumber.size() - 4);
}

} // namespace hall::drivers::smartcard
