#pragma once
// What the ID-card reader's tests share: a fictitious card holder and reader timings short
// enough for a twin that answers at once.

#include "drivers/idcard/id_card_reader.h"
#include "drivers/idcard/id_card_record.h"

#include <chrono>
#include <string>
#include <vector>

namespace hall::testing {

// A resident's card; birth date taken from the ID number, so a valid number gives a valid card
// and a wrong check digit gives a card the driver must refuse as misread.
inline drivers::idcard::IdCardRecord residentCard(std::string name, std::string idNumber) {
    using namespace drivers::idcard;
    IdCardRecord r;
    r.name = std::move(name);
    r.sex = Sex::Female;
    r.nationCode = "01";
    r.birthDate = idNumber.substr(6, 8);
    r.address = "北京市东城区示例胡同十二号";
    r.idNumber = std::move(idNumber);
    r.issuingAuthority = "北京市公安局东城分局";
    r.validFrom = "20100315";
    r.validTo = std::string(kLongTerm);
    r.photo = drivers::SecureBytes(std::vector<std::uint8_t>(kPhotoSize, 0x5A));
    return r;
}

inline drivers::idcard::IdCardReaderOptions fastReaderOptions() {
    using namespace std::chrono_literals;
    drivers::idcard::IdCardReaderOptions o;
    o.pollInterval = 20ms;
    o.commandTimeout = 300ms;
    o.readTimeout = 800ms;
    o.reopen = {20ms, 100ms};
    return o;
}

} // namespace hall::testing
