#pragma once
// The virtual social-security card on the real PC/SC stack: it connects to vsmartcard's vpcd,
// the pcscd reader driver that listens on TCP for one virtual card per reader slot (packaged
// /etc/reader.conf.d/vpcd: port 35963 = reader "Virtual PCD 00 00", 35964 = "... 00 01").
// Being connected is being inserted: pcscd sees the card on its next presence poll (~0.4 s)
// and a card removed when the connection closes.
//
// vpcd wire protocol: every message is a 2-byte big-endian length and that many bytes.
//   length 1, from vpcd: control — 00 power off, 01 power on, 02 reset, 04 "send your ATR"
//                        (answered with the ATR; vpcd asks for it on every presence poll)
//   longer, from vpcd:   a command APDU, answered with the response APDU (data + SW1 SW2)
//
// Steering, for tests and devsim's control socket, callable from any thread:
//   insert(person)  connect with this person's card (replacing a card already in)
//   remove()        disconnect: the card is pulled
//   setMuted(true)  stop answering APDUs (received and held; answered late once unmuted,
//                   dropped on remove); presence polls still get the ATR, as a reader's card
//                   switch still sees a card that does not talk. muteAfter(n): answer n more
//                   APDUs first, then mute (to cut a read off in the middle).
//   setGarbage(true) answer APDUs with bytes that are no valid response
//   setReplyDelay(d) every answer (ATR included) waits d first
// A card stays inserted across pcscd restarts: when vpcd drops the connection, the card
// reconnects every `reconnectInterval` until it is removed.

#include "drivers/smartcard/twin/sscard_applet.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>

namespace hall::devsim {

struct VpcdCardOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 35963;
    std::chrono::milliseconds reconnectInterval{100};
    AppletOptions applet{};
};

class VpcdVirtualCard {
public:
    explicit VpcdVirtualCard(VpcdCardOptions options = {});
    ~VpcdVirtualCard(); // removes the card and joins its thread
    VpcdVirtualCard(const VpcdVirtualCard&) = delete;
    VpcdVirtualCard& operator=(const VpcdVirtualCard&) = delete;

    // Throws std::invalid_argument when the person does not fit the card (nothing changes then).
    void insert(const SsCardPerson& person);
    void remove();
    void setMuted(bool muted);
    void muteAfter(std::uint64_t apdus);
    void setGarbage(bool garbage);
    void setReplyDelay(std::chrono::milliseconds delay);

    bool inserted() const;
    bool connected() const { return connected_.load(); }
    // Until vpcd has accepted the card and asked for its ATR (pcscd has seen it), or timeout.
    bool waitUntilPowered(std::chrono::milliseconds timeout) const;
    std::uint64_t apdusReceived() const { return received_.load(); }
    std::uint64_t apdusAnswered() const { return answered_.load(); }

private:
    void run(std::stop_token stop);
    void serve(int fd, std::uint64_t generation, SsCardApplet applet, std::stop_token stop);
    bool readExact(int fd, std::uint8_t* into, std::size_t n, std::uint64_t generation,
                   std::stop_token stop);
    bool reply(int fd, const std::vector<std::uint8_t>& payload, std::uint64_t generation,
               std::stop_token stop);
    bool current(std::uint64_t generation, std::stop_token stop) const;

    const VpcdCardOptions options_;
    mutable std::mutex mutex_;
    mutable std::condition_variable_any changed_;
    std::optional<SsCardApplet> card_; // the card in the reader, if any
    std::uint64_t generation_ = 0; // bumped by insert/remove: a connection of an older one closes
    bool muted_ = false;
    std::optional<std::uint64_t> muteAt_; // mute once answered_ reaches this
    bool garbage_ = false;
    std::chrono::milliseconds delay_{0};
    bool powered_ = false;
    std::uint64_t garbageCount_ = 0;
    std::atomic<bool> connected_{false};
    std::atomic<std::uint64_t> received_{0};
    std::atomic<std::uint64_t> answered_{0};
    std::jthread thread_; // last: started once everything above exists
};

} // namespace hall::devsim
