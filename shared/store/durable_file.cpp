#include "shared/store/durable_file.h"

#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace hall::store {

namespace fs = std::filesystem;

bool writeFileDurably(const fs::path& file, std::string_view bytes) {
    const fs::path temporary = file.string() + ".tmp";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    std::size_t done = 0;
    while (done < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    const bool written = done == bytes.size() && ::fsync(fd) == 0;
    ::close(fd);
    std::error_code ec;
    if (written) fs::rename(temporary, file, ec);
    if (!written || ec) {
        fs::remove(temporary, ec);
        return false;
    }
    // The rename itself is durable only once the directory is.
    if (const int dir = ::open(file.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return true;
}

std::optional<std::string> readWholeFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in && !in.eof()) return std::nullopt;
    return std::move(bytes).str();
}

} // namespace hall::store
