#pragma once
// One card connected through pcscd (SCardConnect), shared with other programs but held in a
// transaction (SCardBeginTransaction) while connected, so no one else's APDUs land between
// ours and change the selected file under us. Disconnecting leaves the card powered as it is.

#include "drivers/smartcard/apdu.h"
#include "drivers/smartcard/card_info.h"
#include "drivers/smartcard/pcsc_context.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>
#include <winscard.h>

namespace hall::drivers::smartcard {

class PcscCard : public ApduTransport {
public:
    // Connects with T=0 or T=1, whichever the card and reader agree on. Throws DeviceFailure
    // (card removed, unresponsive, in use: Retry; reader or pcscd gone: Device).
    PcscCard(PcscContext& context, const std::string& reader);
    ~PcscCard() override;
    PcscCard(const PcscCard&) = delete;
    PcscCard& operator=(const PcscCard&) = delete;

    CardProtocol protocol() const { return protocol_; }
    const std::string& reader() const { return reader_; }
    // The ATR pcscd got at power-up (SCardStatus).
    std::vector<std::uint8_t> atr();

    // SCardTransmit. Note that pcsc-lite waits for the reader driver without a timeout of its own:
    // a card that never answers holds this call until the reader driver gives up or the card is
    // pulled (see CardSession for how the device stays responsive meanwhile).
    SecureBytes transmit(std::span<const std::uint8_t> command) override;

private:
    SCARDHANDLE card_ = 0;
    CardProtocol protocol_ = CardProtocol::T0;
    std::string reader_;
    bool inTransaction_ = false;
};

} // namespace hall::drivers::smartcard
