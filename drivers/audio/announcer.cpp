#include "drivers/audio/announcer.h"

#include "drivers/audio/voice_pack_loader.h"
#include "drivers/base/registry.h"

#include <stdexcept>

namespace hall::drivers::audio {

std::string_view outcomeName(AnnouncementOutcome outcome) {
    switch (outcome) {
    case AnnouncementOutcome::Played:
        return "played";
    case AnnouncementOutcome::Cancelled:
        return "cancelled";
    case AnnouncementOutcome::Expired:
        return "expired";
    case AnnouncementOutcome::Failed:
        return "failed";
    }
    return "unknown";
}

Announcer::Announcer(const DeviceDescriptor& descriptor, std::string instanceId,
                     std::shared_ptr<const VoicePack> pack, SinkOpener opener,
                     AnnouncerConfig config, AnnouncementSink done, DeviceEventSink events,
                     ReopenPolicy policy)
    : WorkerDevice(descriptor, std::move(instanceId), std::move(events), policy),
      pack_(std::move(pack)), opener_(std::move(opener)), config_(config), done_(std::move(done)) {
    if (!pack_) throw std::invalid_argument("announcer without a voice pack");
    if (!opener_) throw std::invalid_argument("announcer without an audio output");
    if (auto e = checkRenderSettings(config_.render)) throw std::invalid_argument(*e);
    if (config_.queueCapacity == 0) throw std::invalid_argument("announcer queue of 0 calls");
    if (config_.followUp && config_.followUp->sampleRate != pack_->sampleRate)
        throw std::invalid_argument("the follow-up voice pack's sample rate differs from the first");
}

AnnounceResult Announcer::announce(const Call& call, std::optional<int> repeats, bool followUp) {
    AnnounceResult result;
    const int n = repeats.value_or(config_.render.repeats);
    if (n < 1 || n > kMaxRepeats) {
        result.refused = "bad_repeats";
        return result;
    }
    Phrase phrase = buildPhrase(call, pack_->language);
    result.warnings = std::move(phrase.warnings);
    if (phrase.tokens.empty()) {
        result.refused = "nothing_to_say";
        return result;
    }
    std::vector<std::string> followUpTokens;
    if (followUp && config_.followUp) {
        Phrase second = buildPhrase(call, config_.followUp->language);
        result.warnings.insert(result.warnings.end(), second.warnings.begin(), second.warnings.end());
        followUpTokens = std::move(second.tokens);
    }
    {
        std::lock_guard lock(mutex_);
        if (queue_.size() >= config_.queueCapacity) {
            result.refused = "queue_full";
            return result;
        }
        result.id = nextId_++;
        queue_.push_back({result.id, std::move(phrase.tokens), std::move(followUpTokens), n,
                          std::chrono::steady_clock::now()});
    }
    wake_.notify_all();
    return result;
}

std::vector<std::uint64_t> Announcer::cancelAll() {
    std::vector<std::uint64_t> dropped;
    std::lock_guard lock(mutex_);
    for (const auto& item : queue_)
        dropped.push_back(item.id);
    queue_.clear();
    current_.request_stop();
    return dropped;
}

std::size_t Announcer::queued() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
}

void Announcer::serve(std::stop_token stop, const std::function<void()>& ready) {
    auto sink = opener_(pack_->sampleRate, stop);
    if (!sink)
        throw DeviceFailure(deviceError("no_output", "the audio output could not be opened"));
    if (stop.stop_requested()) return;
    ready();
    for (;;) {
        Item item;
        {
            std::unique_lock lock(mutex_);
            if (!wake_.wait(lock, stop, [&] { return !queue_.empty(); })) return;
            item = std::move(queue_.front());
            queue_.pop_front();
            current_ = std::stop_source();
        }
        play(*sink, item, stop);
    }
}

void Announcer::play(AudioSink& sink, const Item& item, std::stop_token stop) {
    AnnouncementDone done;
    done.id = item.id;
    if (std::chrono::steady_clock::now() - item.queuedAt > config_.staleAfter) {
        done.outcome = AnnouncementOutcome::Expired;
        reportDone(std::move(done));
        return;
    }
    std::stop_source playing;
    {
        std::lock_guard lock(mutex_);
        playing = current_;
    }
    // Stopping the device interrupts the announcement as cancelAll() does.
    std::stop_callback link(stop, [&playing] { playing.request_stop(); });
    const auto token = playing.get_token();

    RenderSettings settings = config_.render;
    settings.repeats = item.repeats;
    Rendering r = renderPhrase(*pack_, item.tokens, settings);
    if (!item.followUpTokens.empty() && !r.pcm.samples.empty()) {
        // Once in the second language, after a pause, with no second chime.
        RenderSettings once = settings;
        once.repeats = 1;
        once.chime = false;
        Rendering second = renderPhrase(*config_.followUp, item.followUpTokens, once);
        if (!second.pcm.samples.empty()) {
            r.pcm.samples.insert(r.pcm.samples.end(),
                                 samplesFor(settings.repeatPause, pack_->sampleRate), 0);
            const std::size_t offset = r.pcm.samples.size();
            r.pcm.samples.insert(r.pcm.samples.end(), second.pcm.samples.begin(),
                                 second.pcm.samples.end());
            for (auto clip : second.clips) {
                clip.start += offset;
                r.clips.push_back(std::move(clip));
            }
        }
    }
    done.samples = r.pcm.samples.size();
    done.clips = std::move(r.clips);
    try {
        sink.write(r.pcm.samples, token);
        sink.finish(token);
    } catch (const DeviceFailure& f) {
        done.outcome = AnnouncementOutcome::Failed;
        done.error = f.error();
        reportDone(std::move(done));
        throw;
    } catch (const std::exception& e) {
        // The worker turns this into a device failure too; the call still gets its one report.
        done.outcome = AnnouncementOutcome::Failed;
        done.error = deviceError("driver_fault", std::string("audio output fault: ") + e.what());
        reportDone(std::move(done));
        throw;
    }
    done.outcome =
        token.stop_requested() ? AnnouncementOutcome::Cancelled : AnnouncementOutcome::Played;
    reportDone(std::move(done));
}

void Announcer::reportDone(AnnouncementDone done) const {
    if (!done_) return;
    try {
        done_(done);
    } catch (...) {
        // A host handler that throws must not take the announcer down.
    }
}

std::unique_ptr<Announcer> makeAlsaAnnouncer(const AlsaAnnouncerConfig& config,
                                             AnnouncementSink done, DeviceEventSink events,
                                             ReopenPolicy policy) {
    if (config.alsa.device.empty()) throw std::invalid_argument("ALSA device name is empty");
    auto pack = std::make_shared<const VoicePack>(loadVoicePack(config.voicePack));
    return std::make_unique<Announcer>(requireDescriptor("announcer.alsa"),
                                       "announcer.alsa@" + config.alsa.device, std::move(pack),
                                       alsaSinkOpener(config.alsa), config.announcer,
                                       std::move(done), std::move(events), policy);
}

} // namespace hall::drivers::audio
