#include "drivers/smartcard/apdu.h"

#include "drivers/smartcard/hex.h"

#include <string>

namespace hall::drivers::smartcard {

namespace {

std::string header(const CommandApdu& c) {
    const std::uint8_t h[] = {c.cla, c.ins, c.p1, c.p2};
    return toHex(h);
}

bool validSw1(std::uint8_t sw1) {
    return (sw1 & 0xF0) == 0x60 || (sw1 & 0xF0) == 0x90;
}

// SW2 of 61xx / 6Cxx counts bytes, 00 meaning 256.
std::uint16_t countFrom(std::uint8_t sw2) {
    return sw2 == 0 ? 256 : sw2;
}

ResponseApdu transmitOnce(ApduTransport& card, const CommandApdu& command) {
    const std::vector<std::uint8_t> bytes = command.encode();
    SecureBytes raw = card.transmit(bytes);
    ResponseApdu response = ResponseApdu::parse(raw.bytes());
    if (!validSw1(response.sw1()))
        throw ApduError("card answered " + header(command) + " with " + hexStatus(response.sw()) +
                        ", which is not an ISO 7816 status word");
    return response;
}

// One command, corrected once if the card answers 6Cxx (wrong Le).
ResponseApdu transmitWithLeCorrection(ApduTransport& card, const CommandApdu& command) {
    ResponseApdu response = transmitOnce(card, command);
    if (response.sw1() != 0x6C) return response;
    CommandApdu again = command;
    again.le = countFrom(response.sw2());
    ResponseApdu second = transmitOnce(card, again);
    if (second.sw1() == 0x6C)
        throw ApduError("card answered " + header(command) + " with 6Cxx twice (Le " +
                        std::to_string(*again.le) + " was its own correction)");
    return second;
}

} // namespace

std::vector<std::uint8_t> CommandApdu::encode() const {
    if (data.size() > 255)
        throw ApduError("command " + header(*this) + " carries " + std::to_string(data.size()) +
                        " data bytes; a short APDU holds at most 255");
    if (le && (*le == 0 || *le > 256))
        throw ApduError("command " + header(*this) + " asks for Le " + std::to_string(*le) +
                        "; a short APDU expects 1..256");
    std::vector<std::uint8_t> out{cla, ins, p1, p2};
    if (!data.empty()) {
        out.push_back(static_cast<std::uint8_t>(data.size()));
        out.insert(out.end(), data.begin(), data.end());
    }
    if (le) out.push_back(static_cast<std::uint8_t>(*le == 256 ? 0 : *le));
    return out;
}

CommandApdu CommandApdu::decode(std::span<const std::uint8_t> bytes) {
    if (bytes.size() < 4)
        throw ApduError("command APDU of " + std::to_string(bytes.size()) +
                        " bytes; the header alone is 4");
    CommandApdu c{bytes[0], bytes[1], bytes[2], bytes[3], {}, std::nullopt};
    if (bytes.size() == 4) return c; // case 1
    const std::size_t b5 = bytes[4];
    if (bytes.size() == 5) { // case 2
        c.le = static_cast<std::uint16_t>(b5 == 0 ? 256 : b5);
        return c;
    }
    if (b5 == 0)
        throw ApduError("command " + header(c) +
                        " uses the extended-length form, which is not supported");
    if (bytes.size() == 5 + b5 || bytes.size() == 6 + b5) { // case 3 / case 4
        c.data.assign(bytes.begin() + 5, bytes.begin() + 5 + static_cast<std::ptrdiff_t>(b5));
        if (bytes.size() == 6 + b5) {
            const std::uint8_t le = bytes[5 + b5];
            c.le = static_cast<std::uint16_t>(le == 0 ? 256 : le);
        }
        return c;
    }
    throw ApduError("command " + header(c) + " is " + std::to_string(bytes.size()) +
                    " bytes long but Lc says " + std::to_string(b5) + " data bytes");
}

ResponseApdu ResponseApdu::parse(std::span<const std::uint8_t> bytes) {
    if (bytes.size() < 2)
        throw ApduError("card response of " + std::to_string(bytes.size()) +
                        " byte(s) has no status word (SW1 SW2 needs two)");
    std::vector<std::uint8_t> data(bytes.begin(), bytes.end() - 2);
    return ResponseApdu(SecureBytes(std::move(data)), bytes[bytes.size() - 2],
                        bytes[bytes.size() - 1]);
}

CommandApdu getResponseCommand(std::uint16_t ne) {
    // CLA 00: the GET RESPONSE of the basic logical channel, whatever class the command had
    // (what OpenSC and field readers send; a card that wants another class answers 6E00).
    return CommandApdu{0x00, 0xC0, 0x00, 0x00, {}, ne};
}

ResponseApdu exchange(ApduTransport& card, const CommandApdu& command,
                      const ExchangeLimits& limits) {
    ResponseApdu response = transmitWithLeCorrection(card, command);
    if (response.sw1() != 0x61) return response;

    SecureBytes collected(
        std::vector<std::uint8_t>(response.data().begin(), response.data().end()));
    for (int round = 1; response.sw1() == 0x61; ++round) {
        if (round > limits.maxGetResponse)
            throw ApduError("card kept answering 61xx to " + header(command) + " after " +
                            std::to_string(limits.maxGetResponse) + " GET RESPONSE rounds");
        response = transmitWithLeCorrection(card, getResponseCommand(countFrom(response.sw2())));
        auto& all = collected.bytes();
        if (all.size() + response.data().size() > limits.maxResponseData)
            throw ApduError("card's answer to " + header(command) + " exceeds " +
                            std::to_string(limits.maxResponseData) + " bytes over GET RESPONSE");
        // Appending may reallocate; the old block would keep a copy. Grow into a fresh buffer and
        // let SecureBytes wipe the old one.
        std::vector<std::uint8_t> grown;
        grown.reserve(all.size() + response.data().size());
        grown.insert(grown.end(), all.begin(), all.end());
        grown.insert(grown.end(), response.data().begin(), response.data().end());
        collected = SecureBytes(std::move(grown));
    }
    return ResponseApdu(std::move(collected), response.sw1(), response.sw2());
}

} // namespace hall::drivers::smartcard
