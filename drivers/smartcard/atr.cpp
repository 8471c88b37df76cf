#include "drivers/smartcard/atr.h"

#include "drivers/smartcard/hex.h"

namespace hall::drivers::smartcard {

namespace {

constexpr std::size_t kMaxAtrLength = 33; // ISO/IEC 7816-3 §8.2.1, TS included

// ISO/IEC 7816-3 Table 7 (Fi) and Table 8 (Di); 0 marks a reserved code.
constexpr unsigned kFi[16] = {372, 372, 558, 744,  1116, 1488, 1860, 0,
                              0,   512, 768, 1024, 1536, 2048, 0,    0};
constexpr unsigned kDi[16] = {0, 1, 2, 4, 8, 16, 32, 64, 12, 20, 0, 0, 0, 0, 0, 0};

std::string at(std::size_t offset) {
    return "byte " + std::to_string(offset);
}

} // namespace

unsigned Atr::defaultProtocol() const {
    for (unsigned t = 0; t < 15; ++t)
        if (offers(t)) return t;
    return 0;
}

std::optional<unsigned> Atr::fi() const {
    if (groups.empty() || !groups[0].ta) return 372;
    const unsigned v = kFi[*groups[0].ta >> 4];
    if (v == 0) return std::nullopt;
    return v;
}

std::optional<unsigned> Atr::di() const {
    if (groups.empty() || !groups[0].ta) return 1;
    const unsigned v = kDi[*groups[0].ta & 0x0F];
    if (v == 0) return std::nullopt;
    return v;
}

std::uint8_t Atr::extraGuardTime() const {
    return !groups.empty() && groups[0].tc ? *groups[0].tc : 0;
}

std::string Atr::protocolsText() const {
    std::string out;
    for (unsigned t = 0; t < 15; ++t) {
        if (!offers(t)) continue;
        if (!out.empty()) out += ", ";
        out += "T=" + std::to_string(t);
    }
    return out;
}

std::string Atr::hex() const {
    return toHex(raw);
}

Atr parseAtr(std::span<const std::uint8_t> bytes) {
    if (bytes.empty()) throw AtrError("ATR is empty: the card sent no answer to reset");
    if (bytes.size() > kMaxAtrLength)
        throw AtrError("ATR is " + std::to_string(bytes.size()) +
                       " bytes long; ISO 7816-3 allows at most 33");
    if (bytes.size() < 2)
        throw AtrError("ATR is truncated: it needs at least TS and T0, got 1 byte");

    Atr atr;
    atr.raw.assign(bytes.begin(), bytes.end());
    if (bytes[0] == 0x3B) {
        atr.convention = Convention::Direct;
    } else if (bytes[0] == 0x3F) {
        atr.convention = Convention::Inverse;
    } else {
        throw AtrError("ATR byte 0 (TS) is " + hexByte(bytes[0]) + "; a card starts with 3B or 3F");
    }

    const std::uint8_t t0 = bytes[1];
    const std::size_t k = t0 & 0x0F;
    std::size_t pos = 2;
    std::uint8_t y = static_cast<std::uint8_t>(t0 >> 4); // which of TAi..TDi follow
    bool tckRequired = false;
    bool anyTd = false;
    for (std::size_t i = 1; y != 0; ++i) {
        InterfaceGroup group;
        const char* names[] = {"TA", "TB", "TC", "TD"};
        std::optional<std::uint8_t>* slots[] = {&group.ta, &group.tb, &group.tc, &group.td};
        for (int bit = 0; bit < 4; ++bit) {
            if ((y & (1u << bit)) == 0) continue;
            if (pos >= bytes.size())
                throw AtrError("ATR is truncated: " + std::string(names[bit]) + std::to_string(i) +
                               " is announced but the ATR ends at " + at(pos));
            *slots[bit] = bytes[pos++];
        }
        atr.groups.push_back(group);
        if (!group.td) break;
        anyTd = true;
        const unsigned t = *group.td & 0x0F;
        // ISO/IEC 7816-3 8.2.3: TD1 names the first protocol offered; T=15 (global interface
        // bytes) may only follow from TD2 on. A TD1 of T=15 would leave no protocol at all.
        if (i == 1 && t == 15)
            throw AtrError("ATR TD1 indicates T=15, which ISO/IEC 7816-3 allows only from TD2 on");
        if (t != 15) atr.protocolMask = static_cast<std::uint16_t>(atr.protocolMask | (1u << t));
        if (t != 0) tckRequired = true; // T=15 and every protocol but T=0 bring a TCK
        y = static_cast<std::uint8_t>(*group.td >> 4);
    }
    if (!anyTd) atr.protocolMask = 1; // no TD1: T=0 only

    if (bytes.size() < pos + k)
        throw AtrError("ATR is truncated: T0 announces " + std::to_string(k) +
                       " historical bytes but only " + std::to_string(bytes.size() - pos) +
                       " follow the interface bytes");
    atr.historical.assign(bytes.begin() + static_cast<std::ptrdiff_t>(pos),
                          bytes.begin() + static_cast<std::ptrdiff_t>(pos + k));
    pos += k;

    if (tckRequired) {
        if (pos >= bytes.size())
            throw AtrError(
                "ATR has no TCK, which is required when a protocol other than T=0 is indicated (" +
                atr.protocolsText() + ")");
        atr.tck = bytes[pos++];
        std::uint8_t x = 0;
        for (std::size_t i = 1; i < pos; ++i)
            x = static_cast<std::uint8_t>(x ^ bytes[i]);
        if (x != 0)
            throw AtrError("ATR check byte TCK " + hexByte(*atr.tck) +
                           " is wrong (XOR of T0..TCK is " + hexByte(x) + ", must be 00)");
    }
    if (pos != bytes.size())
        throw AtrError("ATR has " + std::to_string(bytes.size() - pos) +
                       " unexpected byte(s) after " +
                       (tckRequired ? "TCK" : "the historical bytes") + ", starting at " + at(pos));
    return atr;
}

} // namespace hall::drivers::smartcard
