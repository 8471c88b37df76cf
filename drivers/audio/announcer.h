#pragma once
// The call announcer as a hall::drivers::Device ("announcer.alsa"): calls go into a bounded
// queue and are spoken one after the other on the device's worker thread.
//
//   announce(call)   builds the phrase (and its follow-up language's, when asked) at once (so the caller gets its warnings: skipped
//                    characters, an unreadable window) and queues it; never waits for audio.
//                    Refused, with a reason, when the queue is full, the ticket has nothing to
//                    read or the repeat count is out of range.
//   worker           opens the sink (ALSA, or any SinkOpener), reports Opened; then for each
//                    call renders chime + phrase × repeats (renderer.h) and plays it.
//   cancelAll()      drops what is queued and interrupts what is being said (the card's buffer,
//                    ~100 ms, still plays out).
//   device errors    a sink that cannot be opened or fails while playing → Lost (once), the
//                    call being said is reported Failed, queued calls wait; the sink is opened
//                    again in the background → Back. Calls that waited longer than staleAfter
//                    are not said (Expired): a call spoken minutes late sends people to a window
//                    that has moved on.
//
// Every announcement ends in exactly one AnnouncementDone on the worker thread (Played,
// Cancelled, Expired, Failed), except those dropped by cancelAll() (it returns their ids) and
// those still queued when the device is stopped. Nothing here logs.

#include "drivers/audio/alsa_sink.h"
#include "drivers/audio/audio_sink.h"
#include "drivers/audio/phrase.h"
#include "drivers/audio/renderer.h"
#include "drivers/audio/voice_pack.h"
#include "drivers/base/worker_device.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <vector>

namespace hall::drivers::audio {

struct AnnouncerConfig {
    RenderSettings render; // gaps; render.repeats is the default repeat count
    std::size_t queueCapacity = 16;
    std::chrono::milliseconds staleAfter{60'000};
    // A second language (the English pack of a hall that announces in both): a call announced
    // with `followUp` is said once in it after its sayings in the first, with no second chime.
    // Its sample rate must be the first pack's.
    std::shared_ptr<const VoicePack> followUp{};
};

enum class AnnouncementOutcome { Played, Cancelled, Expired, Failed };
std::string_view outcomeName(AnnouncementOutcome outcome);

struct AnnouncementDone {
    std::uint64_t id = 0;
    AnnouncementOutcome outcome = AnnouncementOutcome::Played;
    std::optional<DeviceError> error; // for Failed
    std::vector<RenderedClip> clips;  // what was said (empty for Expired)
    std::size_t samples = 0;          // length of the rendering
};
using AnnouncementSink = std::function<void(const AnnouncementDone&)>;

struct AnnounceResult {
    std::uint64_t id = 0;          // 0 when refused
    std::vector<Warning> warnings; // the phrase's: characters skipped, window read as digits
    std::string refused;           // "queue_full", "nothing_to_say", "bad_repeats"
    bool accepted() const { return id != 0; }
};

class Announcer final : public WorkerDevice {
public:
    // Throws std::invalid_argument for unusable settings or a missing pack.
    Announcer(const DeviceDescriptor& descriptor, std::string instanceId,
              std::shared_ptr<const VoicePack> pack, SinkOpener opener, AnnouncerConfig config,
              AnnouncementSink done, DeviceEventSink events, ReopenPolicy policy = {});
    ~Announcer() override { stop(); }

    // Thread-safe. repeats defaults to config.render.repeats. followUp: then once in the
    // follow-up language, when the announcer has one (ignored otherwise).
    AnnounceResult announce(const Call& call, std::optional<int> repeats = std::nullopt,
                            bool followUp = false);
    // Thread-safe; returns the ids of the calls dropped from the queue.
    std::vector<std::uint64_t> cancelAll();
    std::size_t queued() const;

    const VoicePack& pack() const { return *pack_; }

private:
    struct Item {
        std::uint64_t id = 0;
        std::vector<std::string> tokens;
        std::vector<std::string> followUpTokens; // empty: the first language only
        int repeats = 1;
        std::chrono::steady_clock::time_point queuedAt;
    };

    void serve(std::stop_token stop, const std::function<void()>& ready) override;
    void play(AudioSink& sink, const Item& item, std::stop_token stop);
    void reportDone(AnnouncementDone done) const;

    std::shared_ptr<const VoicePack> pack_;
    SinkOpener opener_;
    AnnouncerConfig config_;
    AnnouncementSink done_;

    mutable std::mutex mutex_;
    std::condition_variable_any wake_;
    std::deque<Item> queue_;
    std::uint64_t nextId_ = 1;
    std::stop_source current_; // the announcement being said
};

struct AlsaAnnouncerConfig {
    std::filesystem::path voicePack; // a pack directory (voice_pack_loader.h)
    AlsaSettings alsa;
    AnnouncerConfig announcer;
};

// "announcer.alsa@<device>". Loads the pack now: throws VoicePackError for a bad pack and
// std::invalid_argument for unusable settings, so a misconfigured hall fails at start-up, not
// at its first call. A missing sound card is not an error here: the device reports Lost.
std::unique_ptr<Announcer> makeAlsaAnnouncer(const AlsaAnnouncerConfig& config,
                                             AnnouncementSink done, DeviceEventSink events,
                                             ReopenPolicy policy = {});

} // namespace hall::drivers::audio
