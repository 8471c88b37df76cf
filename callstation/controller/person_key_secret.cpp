#include "callstation/controller/person_key_secret.h"

#include "callstation/controller/daemon.h"

#include <array>
#include <fcntl.h>
#include <fstream>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <sstream>
#include <unistd.h>

namespace hall::controller {

namespace fs = std::filesystem;

namespace {

bool isLowerHex(const std::string& s, std::size_t digits) {
    if (s.size() != digits) return false;
    for (const char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::string readSecret(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw StartupError("cannot read " + file.string());
    std::ostringstream content;
    content << in.rdbuf();
    std::string text = content.str();
    if (!text.empty() && text.back() == '\n') text.pop_back();
    if (!isLowerHex(text, 2 * kPersonKeySecretBytes))
        throw StartupError(file.string() +
                           " is not a person-key secret (64 lowercase hex digits). It is not "
                           "replaced: a new secret would change every person's key. Restore it "
                           "from a backup; delete it only if this hall's person keys may change.");
    return text;
}

// Created 0600 from the start (never readable by others, even briefly), written beside the
// target, synced and renamed over it, so a crash leaves either no secret or a whole one.
void writeSecret(const fs::path& file, const std::string& text) {
    const fs::path partial = file.string() + ".partial";
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw StartupError("cannot write " + partial.string());
    fs::permissions(partial, fs::perms::owner_read | fs::perms::owner_write);
    const bool written =
        ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
        ::fsync(fd) == 0;
    ::close(fd);
    if (!written) {
        std::error_code ignored;
        fs::remove(partial, ignored);
        throw StartupError("cannot write " + partial.string());
    }
    fs::rename(partial, file);
}

} // namespace

std::string ensurePersonKeySecret(const fs::path& file) {
    if (fs::exists(file)) return readSecret(file);
    std::array<unsigned char, kPersonKeySecretBytes> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        throw StartupError("no random source for the person-key secret");
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    for (const unsigned char b : bytes) {
        hex += kDigits[b >> 4];
        hex += kDigits[b & 0x0f];
    }
    OPENSSL_cleanse(bytes.data(), bytes.size());
    writeSecret(file, hex + "\n");
    return hex;
}

} // namespace hall::controller
