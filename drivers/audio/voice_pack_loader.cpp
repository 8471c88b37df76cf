// Reading a voice pack's manifest (toml++) and clips. Kept out of the codec library so that the
// codec builds with nothing but the C++ library (the fuzz targets compile it again with clang).
#include "drivers/audio/voice_pack_loader.h"

#include <toml++/toml.h>

namespace hall::drivers::audio {

namespace {

[[noreturn]] void fail(const std::filesystem::path& manifest, const std::string& what,
                       const toml::node* at = nullptr) {
    const auto line = at ? at->source().begin.line : 0;
    throw VoicePackError("voice pack " + manifest.string() + ": " + what +
                         (line > 0 ? " (line " + std::to_string(line) + ")" : ""));
}

// A clip's file must stay inside the pack: no absolute path, no "..", so a manifest cannot make
// the announcer read arbitrary files.
bool insidePack(const std::filesystem::path& relative) {
    if (relative.empty() || relative.is_absolute() || relative.has_root_name()) return false;
    for (const auto& part : relative)
        if (part == "..") return false;
    return true;
}

} // namespace

VoicePack loadVoicePack(const std::filesystem::path& directory, const VoicePackOptions& options) {
    const auto manifest = directory / kManifestName;
    toml::table table;
    try {
        table = toml::parse_file(manifest.string());
    } catch (const toml::parse_error& e) {
        const auto line = e.source().begin.line;
        throw VoicePackError("voice pack " + manifest.string() + ": " +
                             std::string(e.description()) +
                             (line > 0 ? " (line " + std::to_string(line) + ")" : ""));
    }

    for (const auto& [key, node] : table)
        if (key != "format" && key != "language" && key != "sample_rate" && key != "clips")
            fail(manifest, "unknown key '" + std::string(key.str()) + "'", &node);

    const auto* format = table.get("format");
    if (!format || !format->is_integer() || format->as_integer()->get() != 1)
        fail(manifest, "'format' must be 1", format);

    const auto* languageNode = table.get("language");
    if (!languageNode || !languageNode->is_string())
        fail(manifest, "'language' must be \"zh-CN\" or \"en\"", languageNode);
    const auto language = parseLanguageTag(languageNode->as_string()->get());
    if (!language)
        fail(manifest,
             "language \"" + languageNode->as_string()->get() +
                 "\" has no phrase template (\"zh-CN\" or \"en\")",
             languageNode);

    const auto* rateNode = table.get("sample_rate");
    if (!rateNode || !rateNode->is_integer())
        fail(manifest, "'sample_rate' must be an integer", rateNode);
    const auto rate = rateNode->as_integer()->get();
    if (rate < 8000 || rate > 96000)
        fail(manifest, "sample_rate " + std::to_string(rate) + " is outside 8000..96000", rateNode);

    const auto* clipsNode = table.get("clips");
    if (!clipsNode || !clipsNode->is_table()) fail(manifest, "missing table [clips]", clipsNode);

    VoicePack pack;
    pack.language = *language;
    pack.sampleRate = static_cast<std::uint32_t>(rate);
    for (const auto& [key, node] : *clipsNode->as_table()) {
        const std::string token(key.str());
        if (!isKnownToken(pack.language, token))
            fail(manifest,
                 "clip '" + token + "' is not a token of the " +
                     std::string(languageTag(pack.language)) + " template",
                 &node);
        if (!node.is_string()) fail(manifest, "clip '" + token + "' must be a file name", &node);
        const std::filesystem::path file(node.as_string()->get());
        if (!insidePack(file))
            fail(manifest, "clip '" + token + "': file must be a path inside the pack", &node);
        Pcm clip;
        try {
            clip = prepareClip(readWavFile(directory / file, options.wav).pcm, pack.sampleRate,
                               options.trim);
        } catch (const WavError& e) {
            fail(manifest, "clip '" + token + "': " + e.what(), &node);
        }
        if (clip.samples.empty())
            fail(manifest, "clip '" + token + "' (" + file.string() + ") is silent", &node);
        pack.clips.emplace(token, std::move(clip));
    }

    std::string missing;
    for (auto token : requiredTokens(pack.language))
        if (!pack.find(token)) missing += (missing.empty() ? "" : ", ") + std::string(token);
    if (!missing.empty()) fail(manifest, "missing clips: " + missing, clipsNode);
    return pack;
}

} // namespace hall::drivers::audio
