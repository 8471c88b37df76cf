#include "drivers/smartcard/pcsc_card.h"

#include "drivers/smartcard/pcsc_error.h"

namespace hall::drivers::smartcard {

namespace {
// A short response is at most 256 data bytes + SW; pcsc-lite's own maximum is larger.
constexpr std::size_t kReceiveBuffer = MAX_BUFFER_SIZE;
} // namespace

PcscCard::PcscCard(PcscContext& context, const std::string& reader) : reader_(reader) {
    DWORD active = 0;
    LONG rv = SCardConnect(context.handle(), reader.c_str(), SCARD_SHARE_SHARED,
                           SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &card_, &active);
    if (rv != SCARD_S_SUCCESS) throwPcsc(rv, "connecting to the card (SCardConnect)");
    protocol_ = active == SCARD_PROTOCOL_T1 ? CardProtocol::T1 : CardProtocol::T0;
    rv = SCardBeginTransaction(card_);
    if (rv != SCARD_S_SUCCESS) {
        SCardDisconnect(card_, SCARD_LEAVE_CARD);
        throwPcsc(rv, "reserving the card (SCardBeginTransaction)");
    }
    inTransaction_ = true;
}

PcscCard::~PcscCard() {
    if (inTransaction_) SCardEndTransaction(card_, SCARD_LEAVE_CARD);
    SCardDisconnect(card_, SCARD_LEAVE_CARD);
}

std::vector<std::uint8_t> PcscCard::atr() {
    BYTE atr[MAX_ATR_SIZE];
    DWORD atrLength = sizeof atr;
    DWORD state = 0;
    DWORD protocol = 0;
    DWORD nameLength = 0;
    // Reader name not wanted: pcsc-lite accepts a null buffer with a length to fill.
    const LONG rv = SCardStatus(card_, nullptr, &nameLength, &state, &protocol, atr, &atrLength);
    if (rv != SCARD_S_SUCCESS) throwPcsc(rv, "reading the card's ATR (SCardStatus)");
    return {atr, atr + std::min<DWORD>(atrLength, sizeof atr)};
}

SecureBytes PcscCard::transmit(std::span<const std::uint8_t> command) {
    const SCARD_IO_REQUEST* pci = protocol_ == CardProtocol::T1 ? SCARD_PCI_T1 : SCARD_PCI_T0;
    std::vector<std::uint8_t> received(kReceiveBuffer);
    DWORD length = static_cast<DWORD>(received.size());
    const LONG rv = SCardTransmit(card_, pci, command.data(), static_cast<DWORD>(command.size()),
                                  nullptr, received.data(), &length);
    SecureBytes out(std::move(received)); // wiped whatever happens next
    if (rv != SCARD_S_SUCCESS) throwPcsc(rv, "exchanging an APDU with the card (SCardTransmit)");
    out.bytes().resize(std::min<std::size_t>(length, out.bytes().size()));
    return out;
}

} // namespace hall::drivers::smartcard
