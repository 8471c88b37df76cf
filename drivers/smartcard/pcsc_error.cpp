#include "drivers/smartcard/pcsc_error.h"

#include <cstdio>
#include <winscard.h>

namespace hall::drivers::smartcard {

namespace {

struct Known {
    PcscCode rv;
    const char* name;
    ErrorCategory category;
    const char* code;   // DeviceError::code
    const char* advice; // what the technician checks
};

constexpr ErrorCategory R = ErrorCategory::Retry;
constexpr ErrorCategory D = ErrorCategory::Device;

// One row per code pcsc-lite returns on the paths this driver uses (context, reader list,
// status change, connect, transmit, transaction, disconnect).
const Known kKnown[] = {
    {SCARD_E_NO_SERVICE, "SCARD_E_NO_SERVICE", D, "pcscd_unavailable",
     "the PC/SC service pcscd is not running: start it (systemctl start pcscd.socket) and check "
     "that the pcscd package is installed"},
    {SCARD_E_SERVICE_STOPPED, "SCARD_E_SERVICE_STOPPED", D, "pcscd_unavailable",
     "the PC/SC service pcscd shut down: check why in its log (journalctl -u pcscd) and start it "
     "again"},
    {SCARD_F_COMM_ERROR, "SCARD_F_COMM_ERROR", D, "pcscd_unavailable",
     "the connection to pcscd broke (pcscd crashed or was restarted): check journalctl -u pcscd"},
    // libpcsclite's name for "pcscd closed the connection without answering": what a client
    // sees when pcscd dies under a pending call, and also what pcscd's polkit refusal looks like.
    {SCARD_W_SECURITY_VIOLATION, "SCARD_W_SECURITY_VIOLATION", D, "pcscd_unavailable",
     "pcscd closed the connection: it stopped or crashed (journalctl -u pcscd), or its polkit "
     "policy refuses this service's user (org.debian.pcsc-lite.access_pcsc)"},
    {SCARD_E_NO_READERS_AVAILABLE, "SCARD_E_NO_READERS_AVAILABLE", D, "no_reader",
     "pcscd sees no smart-card reader: check the reader's USB cable and that its driver (libccid "
     "or the vendor's IFD handler) is installed"},
    {SCARD_E_READER_UNAVAILABLE, "SCARD_E_READER_UNAVAILABLE", D, "reader_unavailable",
     "the reader was unplugged or its driver stopped working: reconnect the reader and check "
     "journalctl -u pcscd"},
    {SCARD_E_UNKNOWN_READER, "SCARD_E_UNKNOWN_READER", D, "reader_unavailable",
     "the configured reader is not known to pcscd (unplugged, or the name in the configuration "
     "does not match pcsc_scan's list)"},
    {SCARD_E_READER_UNSUPPORTED, "SCARD_E_READER_UNSUPPORTED", D, "reader_unsupported",
     "pcscd cannot drive this reader: install a driver that supports it"},
    {SCARD_E_NO_MEMORY, "SCARD_E_NO_MEMORY", D, "pcsc_internal",
     "pcscd ran out of memory: restart pcscd"},
    {SCARD_F_INTERNAL_ERROR, "SCARD_F_INTERNAL_ERROR", D, "pcsc_internal",
     "pcsc-lite reported an internal fault: restart pcscd; if it repeats, collect journalctl -u "
     "pcscd"},
    {SCARD_F_UNKNOWN_ERROR, "SCARD_F_UNKNOWN_ERROR", D, "pcsc_internal",
     "pcsc-lite reported an unknown fault: restart pcscd; if it repeats, collect journalctl -u "
     "pcscd"},
    {SCARD_F_WAITED_TOO_LONG, "SCARD_F_WAITED_TOO_LONG", D, "pcsc_internal",
     "pcscd's internal timer expired: restart pcscd"},
    {SCARD_E_INVALID_HANDLE, "SCARD_E_INVALID_HANDLE", D, "pcsc_internal",
     "pcscd no longer knows this connection (it was probably restarted); the driver reconnects"},
    {SCARD_E_INVALID_PARAMETER, "SCARD_E_INVALID_PARAMETER", D, "pcsc_internal",
     "pcsc-lite rejected a parameter: a driver fault, report it with the pcscd version"},
    {SCARD_E_INVALID_VALUE, "SCARD_E_INVALID_VALUE", D, "pcsc_internal",
     "pcsc-lite rejected a value: a driver fault, report it with the pcscd version"},
    {SCARD_E_INSUFFICIENT_BUFFER, "SCARD_E_INSUFFICIENT_BUFFER", D, "pcsc_internal",
     "a card answer did not fit the driver's buffer: a driver fault, report it"},
    {SCARD_E_SERVER_TOO_BUSY, "SCARD_E_SERVER_TOO_BUSY", D, "pcscd_busy",
     "pcscd is overloaded: check which programs hold PC/SC connections"},
    {SCARD_P_SHUTDOWN, "SCARD_P_SHUTDOWN", D, "pcscd_unavailable", "pcscd is shutting down"},
    {SCARD_E_SYSTEM_CANCELLED, "SCARD_E_SYSTEM_CANCELLED", D, "pcscd_unavailable",
     "the system cancelled the operation (shutdown or log-off)"},

    {SCARD_W_REMOVED_CARD, "SCARD_W_REMOVED_CARD", R, "card_removed",
     "the card was taken out during the read: insert it again and leave it in until the read ends"},
    {SCARD_E_NO_SMARTCARD, "SCARD_E_NO_SMARTCARD", R, "card_removed",
     "no card in the reader (taken out before the read began): insert it again"},
    {SCARD_W_RESET_CARD, "SCARD_W_RESET_CARD", R, "card_reset",
     "another program reset the card during the read: read it again; if it repeats, find the "
     "program using the reader"},
    {SCARD_W_UNRESPONSIVE_CARD, "SCARD_W_UNRESPONSIVE_CARD", R, "card_unresponsive",
     "the card does not answer the reset: check it is inserted chip first and face up; a card "
     "that never answers has a damaged chip"},
    {SCARD_W_UNPOWERED_CARD, "SCARD_W_UNPOWERED_CARD", R, "card_unresponsive",
     "the reader removed power from the card: insert the card again"},
    {SCARD_E_NOT_TRANSACTED, "SCARD_E_NOT_TRANSACTED", R, "card_unresponsive",
     "the exchange with the card failed (card moved, dirty contacts or no answer): insert it "
     "again"},
    {SCARD_E_COMM_DATA_LOST, "SCARD_E_COMM_DATA_LOST", R, "card_unresponsive",
     "data to or from the card was lost: insert the card again"},
    {SCARD_E_TIMEOUT, "SCARD_E_TIMEOUT", R, "timeout",
     "the card or reader took too long: try again"},
    {SCARD_E_SHARING_VIOLATION, "SCARD_E_SHARING_VIOLATION", R, "card_in_use",
     "another program holds the card exclusively (a vendor utility, a browser plug-in): close it"},
    {SCARD_E_NOT_READY, "SCARD_E_NOT_READY", R, "card_not_ready",
     "the reader or card is not ready yet: try again"},
    {SCARD_E_PROTO_MISMATCH, "SCARD_E_PROTO_MISMATCH", R, "unsupported_card",
     "the card speaks neither T=0 nor T=1 as the reader offers them: not a card this kiosk reads"},
    {SCARD_W_UNSUPPORTED_CARD, "SCARD_W_UNSUPPORTED_CARD", R, "unsupported_card",
     "the reader cannot talk to this card (its ATR is not supported): not a card this kiosk reads"},
    {SCARD_E_CARD_UNSUPPORTED, "SCARD_E_CARD_UNSUPPORTED", R, "unsupported_card",
     "the card does not meet PC/SC's minimum requirements: not a card this kiosk reads"},
    {SCARD_E_UNKNOWN_CARD, "SCARD_E_UNKNOWN_CARD", R, "unsupported_card",
     "the card is not one this reader knows: not a card this kiosk reads"},
    {SCARD_E_CANCELLED, "SCARD_E_CANCELLED", R, "cancelled",
     "the operation was cancelled (the driver is stopping)"},
};

const Known* find(PcscCode rv) {
    for (const auto& k : kKnown)
        if (k.rv == rv) return &k;
    return nullptr;
}

std::string hexCode(PcscCode rv) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%08lX", static_cast<unsigned long>(rv) & 0xFFFFFFFFul);
    return buf;
}

} // namespace

std::string pcscCodeName(PcscCode rv) {
    if (rv == SCARD_S_SUCCESS) return "SCARD_S_SUCCESS";
    if (const Known* k = find(rv)) return k->name;
    return "SCARD_" + hexCode(rv);
}

DeviceError pcscError(PcscCode rv, std::string_view during) {
    const Known* k = find(rv);
    const std::string what =
        std::string(during) + " failed with " + pcscCodeName(rv) + " (" + hexCode(rv) + ")";
    if (!k)
        return deviceError("pcsc_error",
                           what + ": an unexpected PC/SC error; restart pcscd and, if it repeats, "
                                  "report the code with journalctl -u pcscd");
    return DeviceError{k->category, k->code, what + ": " + k->advice};
}

void throwPcsc(PcscCode rv, std::string_view during) {
    throw DeviceFailure(pcscError(rv, during));
}

bool isServiceLost(PcscCode rv) {
    return rv == SCARD_E_NO_SERVICE || rv == SCARD_E_SERVICE_STOPPED || rv == SCARD_F_COMM_ERROR ||
           rv == SCARD_W_SECURITY_VIOLATION || rv == SCARD_E_INVALID_HANDLE ||
           rv == SCARD_P_SHUTDOWN;
}

} // namespace hall::drivers::smartcard
