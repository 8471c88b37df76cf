#include "shared/technician/atomic_file.h"

#include <cerrno>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>
#include <utility>

namespace hall::technician {

namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path, int error) {
    throw std::system_error(error, std::generic_category(), what + " " + path.string());
}

class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }

private:
    int fd_;
};

} // namespace

void writeFileAtomically(const std::filesystem::path& path, std::string_view content, mode_t mode) {
    const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::string temp = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
    Fd fd(::mkstemp(temp.data()));
    if (fd.get() < 0) fail("cannot create a temporary file for", path, errno);
    bool renamed = false;
    try {
        // mkstemp creates 0600 already; fchmod makes the mode exact whatever the umask.
        if (::fchmod(fd.get(), mode) != 0) fail("cannot set the mode of", temp, errno);
        std::size_t written = 0;
        while (written < content.size()) {
            const auto n = ::write(fd.get(), content.data() + written, content.size() - written);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) fail("cannot write", temp, errno);
            written += static_cast<std::size_t>(n);
        }
        if (::fsync(fd.get()) != 0) fail("cannot flush", temp, errno);
        if (::close(fd.release()) != 0) fail("cannot close", temp, errno);
        if (::rename(temp.c_str(), path.c_str()) != 0) fail("cannot replace", path, errno);
        renamed = true;
        // The rename is durable only once the directory entry is.
        Fd dirFd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        if (dirFd.get() >= 0) ::fsync(dirFd.get());
    } catch (...) {
        if (!renamed) ::unlink(temp.c_str());
        throw;
    }
}

} // namespace hall::technician
