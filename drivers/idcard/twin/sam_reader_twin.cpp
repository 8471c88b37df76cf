#include "drivers/idcard/twin/sam_reader_twin.h"

#include "drivers/base/device_worker.h"
#include "drivers/idcard/sam_status.h"

#include <random>

namespace hall::drivers::idcard {
namespace {
constexpr std::uint8_t sw(SamStatus s) {
    return static_cast<std::uint8_t>(s);
}
} // namespace

SamReaderTwin::SamReaderTwin(std::filesystem::path link) : port_(std::move(link)) {}

SamReaderTwin::~SamReaderTwin() {
    stop();
}

void SamReaderTwin::start() {
    port_.plug();
    thread_ = std::jthread([this](std::stop_token stop) { serve(stop); });
}

void SamReaderTwin::stop() {
    if (thread_.joinable()) {
        thread_.request_stop();
        thread_.join();
    }
    port_.unplug();
}

void SamReaderTwin::insert(IdCardRecord card) {
    std::lock_guard lock(mutex_);
    card_ = std::move(card);
}

void SamReaderTwin::remove() {
    std::lock_guard lock(mutex_);
    card_.reset();
}

void SamReaderTwin::failReads(std::uint8_t sw3, int count) {
    std::lock_guard lock(mutex_);
    failSw3_ = sw3;
    failCount_ = count;
}

void SamReaderTwin::samFault(std::optional<std::uint8_t> sw3) {
    std::lock_guard lock(mutex_);
    samFault_ = sw3;
}

void SamReaderTwin::mute(bool on) {
    std::lock_guard lock(mutex_);
    muted_ = on;
}

void SamReaderTwin::garbage(std::size_t bytes) {
    std::lock_guard lock(mutex_);
    garbage_ = bytes;
}

void SamReaderTwin::slow(std::chrono::milliseconds perThousandBytes) {
    std::lock_guard lock(mutex_);
    slow_ = perThousandBytes;
}

void SamReaderTwin::serve(std::stop_token stop) {
    SamFrameDecoder decoder;
    while (!stop.stop_requested()) {
        auto bytes = port_.read(std::chrono::milliseconds(50));
        std::span<const std::uint8_t> pending(bytes);
        while (!pending.empty() || decoder.buffered() > 0) {
            pending = pending.subspan(decoder.feed(pending));
            auto frame = decoder.next();
            if (!frame) break;
            std::vector<std::uint8_t> reply;
            if (frame->ok()) {
                reply = answer(frame->value().body.bytes());
            } else if (frame->error().code == "bad_checksum") {
                reply = encodeResponse(sw(SamStatus::ChecksumError));
            } else {
                reply = encodeResponse(sw(SamStatus::LengthError));
            }
            if (!reply.empty()) send(reply, stop);
        }
        if (bytes.empty()) (void)decoder.finish(); // a half request the host gave up on
    }
}

std::vector<std::uint8_t> SamReaderTwin::answer(const std::vector<std::uint8_t>& frameBody) {
    SamFrame frame{SecureBytes(frameBody)};
    auto request = parseRequest(frame);
    std::lock_guard lock(mutex_);
    ++served_;
    if (muted_) return {};
    if (!request.ok() || !request->command) return encodeResponse(sw(SamStatus::BadCommand));
    if (samFault_) return encodeResponse(*samFault_);
    switch (*request->command) {
    case SamCommand::ResetSam:
    case SamCommand::SamStatus:
        return encodeResponse(sw(SamStatus::Ok));
    case SamCommand::SamId: {
        // A management number of the twin's own: 16 bytes, recognisably not a real SAM's.
        const std::uint8_t id[16] = {0x05, 0x00, 0x01, 0x00, 'D', 'E', 'V', 'S',
                                     'I',  'M',  0,    0,    0,   0,   0,   1};
        return encodeResponse(sw(SamStatus::Ok), id);
    }
    case SamCommand::FindCard:
        return encodeResponse(sw(card_ ? SamStatus::CardFound : SamStatus::FindFailed));
    case SamCommand::SelectCard:
        return encodeResponse(sw(card_ ? SamStatus::Ok : SamStatus::SelectFailed));
    case SamCommand::ReadTextPhoto:
    case SamCommand::ReadTextPhotoFingerprint: {
        if (!card_) return encodeResponse(sw(SamStatus::ReadFailed));
        if (failCount_ > 0) {
            --failCount_;
            return encodeResponse(failSw3_);
        }
        auto data = encodeReadReply(*card_, *request->command);
        return encodeResponse(sw(SamStatus::Ok), data.bytes());
    }
    }
    return encodeResponse(sw(SamStatus::BadCommand));
}

void SamReaderTwin::send(const std::vector<std::uint8_t>& reply, std::stop_token stop) {
    std::size_t noise;
    std::chrono::milliseconds slow;
    {
        std::lock_guard lock(mutex_);
        noise = std::exchange(garbage_, 0);
        slow = slow_;
    }
    if (noise > 0) {
        // Line noise never contains the preamble's AA AA AA, so it cannot fake a frame start.
        std::minstd_rand rng(static_cast<unsigned>(noise));
        std::vector<std::uint8_t> junk(noise);
        for (auto& b : junk)
            b = static_cast<std::uint8_t>(rng() % 0xAA);
        port_.write(junk);
    }
    if (slow.count() == 0) {
        port_.write(reply);
        return;
    }
    const auto total = slow * static_cast<long>(reply.size()) / 1000;
    const std::size_t pieces = std::min<std::size_t>(100, reply.size());
    const std::size_t step = (reply.size() + pieces - 1) / pieces;
    for (std::size_t at = 0; at < reply.size(); at += step) {
        if (!sleepUnlessStopped(stop, total / static_cast<long>(pieces))) return;
        port_.write(std::span(reply).subspan(at, std::min(step, reply.size() - at)));
    }
}

} // namespace hall::drivers::idcard
