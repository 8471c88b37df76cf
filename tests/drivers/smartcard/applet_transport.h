#pragma once
// The virtual card's applet as an in-process transport: the read logic against the card's file
// system and T=0 behaviour, without pcscd. Records every command's INS for assertions.

#include "drivers/smartcard/apdu.h"
#include "drivers/smartcard/twin/sscard_applet.h"

#include <vector>

namespace smartcard_test {

class AppletTransport : public hall::drivers::smartcard::ApduTransport {
public:
    explicit AppletTransport(hall::devsim::SsCardApplet& applet) : applet_(applet) {}
    hall::drivers::SecureBytes transmit(std::span<const std::uint8_t> command) override {
        instructions.push_back(command.size() > 1 ? command[1] : 0);
        std::vector<std::uint8_t> r = applet_.process(command);
        if (r.size() >= 2 && r[r.size() - 2] == 0x6C) ++wrongLe;
        if (r.size() >= 2 && r[r.size() - 2] == 0x61) ++moreData;
        return hall::drivers::SecureBytes(std::move(r));
    }
    std::vector<std::uint8_t> instructions;
    int wrongLe = 0;
    int moreData = 0;

private:
    hall::devsim::SsCardApplet& applet_;
};

// Fictitious people for every suite.
inline hall::devsim::SsCardPerson alice() {
    hall::devsim::SsCardPerson p;
    p.cardNumber = "A01234567";
    p.name = "张晓明";
    p.idNumber = "44030519900307123X";
    p.region = "440300";
    p.version = "3.00";
    p.cardType = "3";
    p.issueDate = "20230315";
    p.expiryDate = "20330315";
    return p;
}

inline hall::devsim::SsCardPerson bob() {
    hall::devsim::SsCardPerson p;
    p.cardNumber = "B98765432";
    p.name = "欧阳娜娜";
    p.idNumber = "110101198512240026";
    p.region = "110100";
    p.version = "2.00";
    p.cardType = "1";
    p.issueDate = "20150601";
    p.expiryDate = "20250601";
    return p;
}

} // namespace smartcard_test
