#include "shared/pinyin/private_user_dictionary.h"

#include "shared/pinyin/engine.h"

#include <cerrno>
#include <cstring>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hall::pinyin {

PrivateUserDictionary::PrivateUserDictionary() {
    // MFD_CLOEXEC: a child process (a driver helper, a printer filter) must not inherit it.
    descriptor_ = memfd_create("hall-pinyin-user-dictionary", MFD_CLOEXEC);
    if (descriptor_ < 0)
        throw EngineError(std::string("cannot create the in-memory user dictionary: ") +
                          std::strerror(errno));
    path_ = "/proc/self/fd/" + std::to_string(descriptor_);
}

PrivateUserDictionary::~PrivateUserDictionary() {
    if (descriptor_ >= 0) ::close(descriptor_);
}

std::size_t PrivateUserDictionary::sizeBytes() const {
    struct stat status {};
    if (::fstat(descriptor_, &status) != 0) return 0;
    return static_cast<std::size_t>(status.st_size);
}

} // namespace hall::pinyin
