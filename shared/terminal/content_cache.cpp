#include "shared/terminal/content_cache.h"

#include "shared/protocol/codec.h"
#include "shared/store/durable_file.h"

#include <algorithm>

namespace hall::terminal {

namespace fs = std::filesystem;

namespace {

constexpr const char* kSignageFile = "signage.json";

} // namespace

ContentCache::ContentCache(fs::path dir) : dir_(std::move(dir)) {
    std::error_code ec;
    fs::create_directories(dir_, ec);
}

bool ContentCache::has(const std::string& id) const {
    std::error_code ec;
    return protocol::isContentId(id) && fs::is_regular_file(pathOf(id), ec);
}

std::optional<std::string> ContentCache::read(const std::string& id) const {
    return has(id) ? store::readWholeFile(pathOf(id)) : std::nullopt;
}

bool ContentCache::store(const std::string& id, std::string_view bytes) {
    if (!protocol::isContentId(id) || protocol::contentIdOf(bytes) != id) return false;
    return store::writeFileDurably(pathOf(id), bytes);
}

void ContentCache::keepOnly(const std::vector<std::string>& ids) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir_, ec)) {
        const auto name = entry.path().filename().string();
        if (protocol::isContentId(name) && std::find(ids.begin(), ids.end(), name) == ids.end())
            fs::remove(entry.path(), ec);
    }
}

void ContentCache::saveSignage(const protocol::Signage& signage) {
    store::writeFileDurably(dir_ / kSignageFile, protocol::encodeView(signage));
}

std::optional<protocol::Signage> ContentCache::loadSignage() const {
    const auto text = store::readWholeFile(dir_ / kSignageFile);
    if (!text) return std::nullopt;
    auto decoded = protocol::decodeSignage(*text);
    if (!decoded) return std::nullopt;
    return std::move(decoded.value());
}

} // namespace hall::terminal
