#include "shared/terminal/content_cache.h"

#include "shared/protocol/codec.h"

#include <algorithm>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace hall::terminal {

namespace fs = std::filesystem;

namespace {

constexpr const char* kSignageFile = "signage.json";

bool writeAtomically(const fs::path& file, std::string_view bytes) {
    const fs::path temporary = file.string() + ".tmp";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    std::size_t done = 0;
    while (done < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    const bool ok = done == bytes.size() && ::fsync(fd) == 0;
    ::close(fd);
    std::error_code ec;
    if (ok) fs::rename(temporary, file, ec);
    if (!ok || ec) fs::remove(temporary, ec);
    return ok && !ec;
}

std::optional<std::string> readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return std::move(bytes).str();
}

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
    return has(id) ? readFile(pathOf(id)) : std::nullopt;
}

bool ContentCache::store(const std::string& id, std::string_view bytes) {
    if (!protocol::isContentId(id) || protocol::contentIdOf(bytes) != id) return false;
    return writeAtomically(pathOf(id), bytes);
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
    writeAtomically(dir_ / kSignageFile, protocol::encodeView(signage));
}

std::optional<protocol::Signage> ContentCache::loadSignage() const {
    const auto text = readFile(dir_ / kSignageFile);
    if (!text) return std::nullopt;
    auto decoded = protocol::decodeSignage(*text);
    if (!decoded) return std::nullopt;
    return std::move(decoded.value());
}

} // namespace hall::terminal
