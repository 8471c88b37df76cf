#include "drivers/audio/renderer.h"

#include <stdexcept>

namespace hall::drivers::audio {

std::optional<std::string> checkRenderSettings(const RenderSettings& s) {
    if (s.chimeGap.count() < 0 || s.wordGap.count() < 0 || s.repeatPause.count() < 0)
        return "announcement gaps must not be negative";
    if (s.chimeGap.count() > 10'000 || s.wordGap.count() > 10'000 || s.repeatPause.count() > 10'000)
        return "announcement gaps must not exceed 10 s";
    if (s.repeats < 1 || s.repeats > kMaxRepeats)
        return "repeat count " + std::to_string(s.repeats) + " is outside 1.." +
               std::to_string(kMaxRepeats);
    return std::nullopt;
}

Rendering renderPhrase(const VoicePack& pack, std::span<const std::string> tokens,
                       const RenderSettings& settings) {
    if (auto e = checkRenderSettings(settings)) throw std::invalid_argument(*e);
    Rendering r;
    r.pcm.sampleRate = pack.sampleRate;

    std::vector<std::pair<const std::string*, const Pcm*>> saying;
    for (const auto& token : tokens) {
        if (const Pcm* clip = pack.find(token)) {
            saying.emplace_back(&token, clip);
        } else {
            r.warnings.push_back(
                {"missing_clip", "the voice pack has no clip '" + token + "'; skipped"});
        }
    }
    if (saying.empty()) return r;

    const std::size_t wordGap = samplesFor(settings.wordGap, pack.sampleRate);
    const Pcm* chime = settings.chime ? pack.find(kChimeToken) : nullptr;
    if (settings.chime && !chime)
        r.warnings.push_back({"missing_clip", "the voice pack has no chime; the call is said "
                                              "without it"});

    // Sized once: the whole announcement is one allocation and then plain copies.
    std::size_t sayingLength = (saying.size() - 1) * wordGap;
    for (const auto& [token, clip] : saying)
        sayingLength += clip->samples.size();
    const std::size_t repeats = static_cast<std::size_t>(settings.repeats);
    std::size_t total =
        sayingLength * repeats + (repeats - 1) * samplesFor(settings.repeatPause, pack.sampleRate);
    if (chime) total += chime->samples.size() + samplesFor(settings.chimeGap, pack.sampleRate);
    r.pcm.samples.reserve(total);
    r.clips.reserve(saying.size() * repeats + 1);

    auto& out = r.pcm.samples;
    auto append = [&](const std::string& token, const Pcm& clip) {
        r.clips.push_back({token, out.size(), clip.samples.size()});
        out.insert(out.end(), clip.samples.begin(), clip.samples.end());
    };
    auto silence = [&](std::size_t n) { out.insert(out.end(), n, std::int16_t{0}); };

    if (chime) {
        append(std::string(kChimeToken), *chime);
        silence(samplesFor(settings.chimeGap, pack.sampleRate));
    }
    for (std::size_t rep = 0; rep < repeats; ++rep) {
        if (rep > 0) silence(samplesFor(settings.repeatPause, pack.sampleRate));
        for (std::size_t i = 0; i < saying.size(); ++i) {
            if (i > 0) silence(wordGap);
            append(*saying[i].first, *saying[i].second);
        }
    }
    return r;
}

Rendering renderCall(const VoicePack& pack, const Call& call, const RenderSettings& settings) {
    Phrase phrase = buildPhrase(call, pack.language);
    Rendering r = renderPhrase(pack, phrase.tokens, settings);
    phrase.warnings.insert(phrase.warnings.end(), r.warnings.begin(), r.warnings.end());
    r.warnings = std::move(phrase.warnings);
    return r;
}

} // namespace hall::drivers::audio
