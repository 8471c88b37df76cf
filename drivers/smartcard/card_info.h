#pragma once
// What a read learns about the card itself (not its holder): which reader, how it answered
// reset, which protocol pcscd chose. Not personal data; fine for logs and diagnostics.

#include "drivers/smartcard/atr.h"

#include <string>

namespace hall::drivers::smartcard {

enum class CardProtocol { T0, T1 };

struct CardInfo {
    std::string reader;
    Atr atr;
    CardProtocol protocol = CardProtocol::T0;
};

inline const char* protocolName(CardProtocol p) {
    return p == CardProtocol::T1 ? "T=1" : "T=0";
}

} // namespace hall::drivers::smartcard
