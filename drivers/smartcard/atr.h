#pragma once
// Answer-To-Reset (ISO/IEC 7816-3 §8): the bytes a contact card sends after power-up, telling
// the reader how to talk to it.
//
//   TS  T0  [TA1 TB1 TC1 TD1] [TA2 TB2 TC2 TD2] ...  T1 ... TK  [TCK]
//
//   TS   initial character: 3B direct convention, 3F inverse convention (the reader has already
//        decoded the bits, so these are the only two values a valid ATR starts with).
//   T0   format byte: high nibble Y1 says which of TA1 TB1 TC1 TD1 follow (bit 5 → TA, 6 → TB,
//        7 → TC, 8 → TD); low nibble K is the number of historical bytes.
//   TDi  high nibble Yi+1 says which of TAi+1..TDi+1 follow; low nibble is the protocol T the
//        following group is about (T=15 marks global bytes, not a protocol).
//   TA1  Fi (clock rate conversion, high nibble) and Di (baud rate adjustment, low nibble);
//        absent means Fi = 372, Di = 1.  TC1 extra guard time N.  TA2 present = specific mode.
//   T1..TK  historical bytes: card-maker / application data, no fixed meaning.
//   TCK  check byte: absent when only T=0 is indicated, present otherwise; the XOR of every byte
//        from T0 to TCK inclusive is 0.
//
// At most 33 bytes (TS included). Protocols offered: each TDi's T (except 15); none at all
// means T=0.

#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace hall::drivers::smartcard {

class AtrError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class Convention { Direct, Inverse };

// TAi TBi TCi TDi of one i (groups[0] is i = 1).
struct InterfaceGroup {
    std::optional<std::uint8_t> ta, tb, tc, td;
};

struct Atr {
    std::vector<std::uint8_t> raw;
    Convention convention = Convention::Direct;
    std::vector<InterfaceGroup> groups;
    std::vector<std::uint8_t> historical;
    std::optional<std::uint8_t> tck;
    std::uint16_t protocolMask = 0; // bit T set for each protocol T offered

    bool offers(unsigned t) const { return t < 15 && (protocolMask & (1u << t)) != 0; }
    // The protocol the card uses when no PPS is exchanged: the first one offered.
    unsigned defaultProtocol() const;
    // From TA1; nullopt when TA1 holds a reserved (RFU) code.
    std::optional<unsigned> fi() const;
    std::optional<unsigned> di() const;
    std::uint8_t extraGuardTime() const; // TC1, 0 when absent
    bool specificMode() const { return groups.size() >= 2 && groups[1].ta.has_value(); }

    std::string protocolsText() const; // "T=0", "T=0, T=1"
    std::string hex() const;           // "3B 6A 00 00 ..."
};

// Throws AtrError saying what is wrong and where (byte offsets are 0-based).
Atr parseAtr(std::span<const std::uint8_t> bytes);

} // namespace hall::drivers::smartcard
