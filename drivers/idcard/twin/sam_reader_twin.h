#pragma once
// A SAM ID-card reader on a pty: the device end of the same protocol the driver speaks, so the
// driver runs unchanged against it. Steered at run time (devsim's control socket, tests):
//
//   insert(record)        a card lies on the reader: find → 9F, select → 90, read → the record
//   remove()              find → 80
//   failReads(sw3, n)     the next n reads answer sw3 (41: card moved; 40: unknown card type)
//   samFault(sw3)         every command answers sw3 until cleared (60: SAM self-test failed)
//   mute(true)            no answer at all (a hung reader)
//   garbage(n)            n random bytes on the line before the next reply
//   slow(ms)              a slow line: every 1000 bytes of reply take ms to trickle out, so a
//                         read reply (1,295 bytes) is slow while short answers stay quick
//   unplug() / plug()     the port disappears and comes back (PtyPort)
//
// The twin answers what a reader answers: 10 to a frame with a bad checksum, 21 to an unknown
// command, 81 to select with no card.

#include "drivers/idcard/id_card_record.h"
#include "drivers/twin/pty_port.h"

#include <atomic>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

namespace hall::drivers::idcard {

class SamReaderTwin {
public:
    explicit SamReaderTwin(std::filesystem::path link);
    ~SamReaderTwin();

    void start(); // plugs the port and answers until stop()
    void stop();

    void insert(IdCardRecord card);
    void remove();
    void failReads(std::uint8_t sw3, int count);
    void samFault(std::optional<std::uint8_t> sw3);
    void mute(bool on);
    void garbage(std::size_t bytes);
    void slow(std::chrono::milliseconds perThousandBytes);
    void unplug() { port_.unplug(); }
    void plug() { port_.plug(); }

    const std::filesystem::path& link() const { return port_.link(); }
    int requestsServed() const { return served_; }

private:
    void serve(std::stop_token stop);
    std::vector<std::uint8_t> answer(const std::vector<std::uint8_t>& frameBody);
    void send(const std::vector<std::uint8_t>& bytes, std::stop_token stop);

    twin::PtyPort port_;
    std::mutex mutex_; // guards everything below
    std::optional<IdCardRecord> card_;
    std::uint8_t failSw3_ = 0;
    int failCount_ = 0;
    std::optional<std::uint8_t> samFault_;
    bool muted_ = false;
    std::size_t garbage_ = 0;
    std::chrono::milliseconds slow_{0};
    std::atomic<int> served_{0};
    std::jthread thread_;
};

} // namespace hall::drivers::idcard
