#pragma once
// Short APDUs (ISO/IEC 7816-4 §5.1) and the T=0 response handling a card reader application
// has to do itself.
//
// Command:  CLA INS P1 P2 [Lc data] [Le]
//   case 1  CLA INS P1 P2                 no data, no response data
//   case 2  CLA INS P1 P2 Le              response data expected; Le = 00 means 256
//   case 3  CLA INS P1 P2 Lc data         data sent (Lc = 1..255), none expected back
//   case 4  CLA INS P1 P2 Lc data Le      both
// Response: [data] SW1 SW2.  9000 = success. SW1 is always 6x or 9x; anything else is not a
// status word a card can send.
//
// T=0 cannot carry data in both directions in one exchange and cannot tell the card how much
// to send, so the card answers with procedure statuses that the application follows:
//   61xx  xx more bytes are waiting: fetch them with GET RESPONSE (00 C0 00 00 xx; xx = 00 →
//         256) and repeat while the answer is 61xx again, concatenating the data;
//   6Cxx  wrong Le: send the very same command again with Le = xx.
// pcsc-lite passes these through for T=0 cards (a CCID reader in APDU mode may already have
// done it), so exchange() handles both, bounded so that a card answering 61xx forever cannot
// hold the reader.

#include "drivers/base/secure_wipe.h"

#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <vector>

namespace hall::drivers::smartcard {

// A malformed APDU: bad command fields, a response too short to hold a status word, an
// invalid status word, a T=0 procedure loop that does not end.
class ApduError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct CommandApdu {
    std::uint8_t cla = 0x00;
    std::uint8_t ins = 0x00;
    std::uint8_t p1 = 0x00;
    std::uint8_t p2 = 0x00;
    std::vector<std::uint8_t> data;  // Lc = data.size(), at most 255
    std::optional<std::uint16_t> le; // Ne = 1..256; nullopt: no Le field

    int apduCase() const { return data.empty() ? (le ? 2 : 1) : (le ? 4 : 3); }
    // Throws ApduError when a field does not fit a short APDU.
    std::vector<std::uint8_t> encode() const;
    // The inverse, for the card side (the virtual twin). Extended-length forms are rejected.
    static CommandApdu decode(std::span<const std::uint8_t> bytes);
};

// A card's answer. Holds what a card returned, which may be personal data, so it is move-only
// and its data is wiped when it goes away.
class ResponseApdu {
public:
    ResponseApdu(SecureBytes data, std::uint8_t sw1, std::uint8_t sw2)
        : data_(std::move(data)), sw1_(sw1), sw2_(sw2) {}
    ResponseApdu(ResponseApdu&&) noexcept = default;
    ResponseApdu& operator=(ResponseApdu&&) noexcept = default;

    // Splits data and status word. Throws ApduError when fewer than two bytes came back.
    static ResponseApdu parse(std::span<const std::uint8_t> bytes);

    const std::vector<std::uint8_t>& data() const { return data_.bytes(); }
    std::uint8_t sw1() const { return sw1_; }
    std::uint8_t sw2() const { return sw2_; }
    std::uint16_t sw() const { return static_cast<std::uint16_t>((sw1_ << 8) | sw2_); }
    bool ok() const { return sw() == 0x9000; }

private:
    SecureBytes data_;
    std::uint8_t sw1_;
    std::uint8_t sw2_;
};

// One raw exchange with a card: command bytes out, response bytes (data + SW) back. Transport
// failures (card removed, reader gone, service down) throw DeviceFailure.
class ApduTransport {
public:
    virtual ~ApduTransport() = default;
    virtual SecureBytes transmit(std::span<const std::uint8_t> command) = 0;
};

struct ExchangeLimits {
    int maxGetResponse = 64;            // GET RESPONSE rounds after one command
    std::size_t maxResponseData = 8192; // bytes collected over those rounds
};

// Sends a command and follows the T=0 procedure statuses (61xx, 6Cxx) until the card gives a
// final status. The returned response carries all collected data and the final status word;
// a final status other than 9000 is returned, not thrown: the caller knows what it means.
// Throws ApduError for malformed or invalid answers and for loops beyond `limits`.
ResponseApdu exchange(ApduTransport& card, const CommandApdu& command,
                      const ExchangeLimits& limits = {});

// GET RESPONSE for `ne` bytes (1..256).
CommandApdu getResponseCommand(std::uint16_t ne);

} // namespace hall::drivers::smartcard
