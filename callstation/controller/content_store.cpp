#include "callstation/controller/content_store.h"

#include "callstation/controller/log.h"
#include "shared/protocol/codec.h"

#include "shared/store/durable_file.h"

#include <algorithm>

namespace hall::controller {

namespace fs = std::filesystem;

namespace {

constexpr const char* kManifest = "signage.json";

bool validUtf8Text(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
        if (extra < 0) return false;
        const auto n = static_cast<std::size_t>(extra);
        if (i + n >= s.size()) return false; // a sequence cut off at the end
        if (n == 0 && c < 0x20 && c != '\n' && c != '\t') return false;
        for (std::size_t k = 1; k <= n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
        i += n + 1;
    }
    return true;
}

// Whether the bytes are what the type says: a player must be able to show every file it gets.
std::optional<std::string> typeProblem(std::string_view type, std::string_view bytes) {
    if (type == "image/png")
        return bytes.starts_with("\x89PNG\r\n\x1a\n") ? std::nullopt
                                                      : std::optional<std::string>("is not a PNG file");
    if (type == "image/jpeg")
        return bytes.starts_with("\xff\xd8\xff") ? std::nullopt
                                                 : std::optional<std::string>("is not a JPEG file");
    if (type == "text/plain") {
        if (bytes.size() > protocol::kMaxTextSlideBytes)
            return "is longer than a text slide may be (" +
                   std::to_string(protocol::kMaxTextSlideBytes) + " bytes)";
        if (bytes.empty() || !validUtf8Text(bytes)) return "is not UTF-8 text";
        return std::nullopt;
    }
    // ISO base media (MP4): the first box is "ftyp", its type at bytes 4–7.
    if (type == "video/mp4")
        return bytes.size() > 8 && bytes.substr(4, 4) == "ftyp"
                   ? std::nullopt
                   : std::optional<std::string>("is not an MP4 file");
    // WebM: an EBML header (1A 45 DF A3) whose DocType, within its first bytes, is "webm".
    if (type == "video/webm")
        return bytes.starts_with("\x1a\x45\xdf\xa3") &&
                       bytes.substr(0, 64).find("webm") != std::string_view::npos
                   ? std::nullopt
                   : std::optional<std::string>("is not a WebM file");
    return "type must be one of image/png, image/jpeg, text/plain, video/mp4, video/webm";
}

} // namespace

ContentStore ContentStore::open(fs::path dir) {
    fs::create_directories(dir);
    ContentStore store(std::move(dir));
    const auto manifest = store::readWholeFile(store.dir_ / kManifest);
    if (!manifest) return store;
    auto decoded = protocol::decodeSignage(*manifest);
    if (!decoded) throw std::runtime_error((store.dir_ / kManifest).string() + ": " + decoded.error().message);
    auto signage = std::move(decoded.value());
    // Files that are gone or no longer match their hash are not offered to any player.
    std::vector<protocol::ContentItem> kept;
    for (auto& item : signage.content) {
        const auto bytes = store::readWholeFile(store.dir_ / item.id);
        if (bytes && protocol::contentIdOf(*bytes) == item.id) kept.push_back(std::move(item));
        else logWarning("content " + item.id + " (" + item.name + ") is missing or damaged: left out");
    }
    signage.content = std::move(kept);
    std::erase_if(signage.playlist, [&](const protocol::PlaylistEntry& e) {
        return std::none_of(signage.content.begin(), signage.content.end(),
                            [&](const protocol::ContentItem& c) { return c.id == e.content; });
    });
    store.signage_ = std::move(signage);
    return store;
}

protocol::ContentItem ContentStore::add(std::string name, std::string type, std::string_view bytes) {
    if (bytes.size() > protocol::kMaxContentBytes)
        throw ContentError("bad_content", "the file is larger than " +
                                              std::to_string(protocol::kMaxContentBytes) + " bytes");
    if (name.empty() || name.size() > 200) throw ContentError("bad_content", "a name of 1 … 200 bytes is needed", "name");
    if (auto problem = typeProblem(type, bytes)) throw ContentError("bad_content", "the file " + *problem, "type");
    const std::string id = protocol::contentIdOf(bytes);
    for (const auto& c : signage_.content)
        if (c.id == id) return c;
    if (!store::writeFileDurably(dir_ / id, bytes))
        throw std::runtime_error("cannot write " + (dir_ / id).string());
    protocol::ContentItem item{id, std::move(name), std::move(type), bytes.size()};
    auto next = signage_;
    next.content.push_back(item);
    commit(std::move(next));
    return item;
}

void ContentStore::remove(const std::string& id) {
    auto it = std::find_if(signage_.content.begin(), signage_.content.end(),
                           [&](const protocol::ContentItem& c) { return c.id == id; });
    if (it == signage_.content.end()) throw ContentError("not_found", "no content " + id);
    for (const auto& e : signage_.playlist)
        if (e.content == id)
            throw ContentError("in_use", it->name + " is in the playlist: take it out first");
    auto next = signage_;
    next.content.erase(next.content.begin() + (it - signage_.content.begin()));
    commit(std::move(next));
    std::error_code ignored;
    fs::remove(dir_ / id, ignored);
}

void ContentStore::setPlaylist(std::vector<protocol::PlaylistEntry> playlist) {
    for (std::size_t i = 0; i < playlist.size(); ++i)
        if (std::none_of(signage_.content.begin(), signage_.content.end(),
                         [&](const protocol::ContentItem& c) { return c.id == playlist[i].content; }))
            throw ContentError("unknown_content", "no content " + playlist[i].content,
                               "playlist[" + std::to_string(i) + "].content");
    auto next = signage_;
    next.playlist = std::move(playlist);
    commit(std::move(next));
}

void ContentStore::setEmergency(std::optional<protocol::Emergency> emergency) {
    auto next = signage_;
    next.emergency = std::move(emergency);
    commit(std::move(next));
}

std::optional<std::string> ContentStore::read(const std::string& id) const {
    const bool listed = std::any_of(signage_.content.begin(), signage_.content.end(),
                                    [&](const protocol::ContentItem& c) { return c.id == id; });
    return listed ? store::readWholeFile(dir_ / id) : std::nullopt;
}

void ContentStore::commit(protocol::Signage next) {
    // On disk first: a failed write changes nothing, in memory either.
    if (!store::writeFileDurably(dir_ / kManifest, protocol::encodeView(next)))
        throw std::runtime_error("cannot write " + (dir_ / kManifest).string());
    signage_ = std::move(next);
}

} // namespace hall::controller
