#include "drivers/smartcard/pcsc_context.h"

#include "drivers/smartcard/pcsc_error.h"

#include <algorithm>

namespace hall::drivers::smartcard {

PcscContext::PcscContext() {
    const LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &context_);
    if (rv != SCARD_S_SUCCESS) throwPcsc(rv, "connecting to pcscd (SCardEstablishContext)");
}

PcscContext::~PcscContext() {
    SCardReleaseContext(context_);
}

std::vector<std::string> PcscContext::listReaders() {
    // Size first, then the multi-string ("a\0b\0\0"). A reader plugged in between the two calls
    // makes the second one report SCARD_E_INSUFFICIENT_BUFFER: ask again.
    for (int attempt = 0; attempt < 3; ++attempt) {
        DWORD size = 0;
        LONG rv = SCardListReaders(context_, nullptr, nullptr, &size);
        if (rv == SCARD_E_NO_READERS_AVAILABLE) return {};
        if (rv != SCARD_S_SUCCESS)
            throwPcsc(rv, "listing the smart-card readers (SCardListReaders)");
        std::vector<char> buffer(size + 1, '\0');
        rv = SCardListReaders(context_, nullptr, buffer.data(), &size);
        if (rv == SCARD_E_NO_READERS_AVAILABLE) return {};
        if (rv == SCARD_E_INSUFFICIENT_BUFFER) continue;
        if (rv != SCARD_S_SUCCESS)
            throwPcsc(rv, "listing the smart-card readers (SCardListReaders)");
        std::vector<std::string> names;
        for (const char* p = buffer.data(); p < buffer.data() + size && *p != '\0';
             p += names.back().size() + 1)
            names.emplace_back(p);
        return names;
    }
    throwPcsc(SCARD_E_INSUFFICIENT_BUFFER,
              "listing the smart-card readers (the list kept changing)");
}

WaitResult PcscContext::waitForChange(std::vector<ReaderState>& states,
                                      std::chrono::milliseconds timeout) {
    std::vector<SCARD_READERSTATE> raw(states.size());
    for (std::size_t i = 0; i < states.size(); ++i) {
        raw[i] = SCARD_READERSTATE{};
        raw[i].szReader = states[i].reader.c_str();
        raw[i].dwCurrentState = states[i].currentState;
    }
    // pcsc-lite reads the timeout as 32 bits and 0xFFFFFFFF (INFINITE) as "forever": keep below.
    const auto ms = std::clamp<std::chrono::milliseconds::rep>(timeout.count(), 0, 0x7FFFFFFF);
    const LONG rv = SCardGetStatusChange(context_, static_cast<DWORD>(ms), raw.data(),
                                         static_cast<DWORD>(raw.size()));
    if (rv == SCARD_E_TIMEOUT) return WaitResult::Timeout;
    if (rv == SCARD_E_CANCELLED) return WaitResult::Cancelled;
    if (rv == SCARD_E_UNKNOWN_READER) return WaitResult::UnknownReader;
    if (rv != SCARD_S_SUCCESS)
        throwPcsc(rv, "waiting for reader or card changes (SCardGetStatusChange)");
    for (std::size_t i = 0; i < states.size(); ++i) {
        states[i].eventState = raw[i].dwEventState;
        const auto n = std::min<std::size_t>(raw[i].cbAtr, sizeof raw[i].rgbAtr);
        states[i].atr.assign(raw[i].rgbAtr, raw[i].rgbAtr + n);
    }
    return WaitResult::Changed;
}

void PcscContext::cancel() noexcept {
    SCardCancel(context_);
}

} // namespace hall::drivers::smartcard
