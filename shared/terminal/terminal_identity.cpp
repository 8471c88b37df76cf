#include "shared/terminal/terminal_identity.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace hall::client {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& path) {
    throw IdentityError(what + " " + path.string() + ": " + std::strerror(errno));
}

std::string readWhole(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) fail("cannot read", file);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

void writeFileAtomically(const fs::path& file, const std::string& content, unsigned mode) {
    const fs::path temporary = file.string() + ".tmp";
    // O_EXCL after removing a stale temporary: the permission bits given here are the ones the
    // file is created with, so the secret is never readable by others, not even for a moment.
    ::unlink(temporary.c_str());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                          static_cast<mode_t>(mode));
    if (fd < 0) fail("cannot create", temporary);
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            ::close(fd);
            ::unlink(temporary.c_str());
            fail("cannot write", temporary);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fchmod(fd, static_cast<mode_t>(mode)) != 0 || ::fsync(fd) != 0) {
        ::close(fd);
        ::unlink(temporary.c_str());
        fail("cannot sync", temporary);
    }
    ::close(fd);
    if (::rename(temporary.c_str(), file.c_str()) != 0) {
        ::unlink(temporary.c_str());
        fail("cannot replace", file);
    }
    // The rename itself is durable only once the directory is.
    const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
    const int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
}

TerminalIdentityStore::TerminalIdentityStore(fs::path dataDir) : dir_(std::move(dataDir)) {}

std::optional<TerminalIdentity> TerminalIdentityStore::load() const {
    if (!fs::exists(credentialFile())) return std::nullopt;
    TerminalIdentity identity;
    identity.credential = readWhole(credentialFile());
    if (identity.credential.empty())
        throw IdentityError("empty credential file " + credentialFile().string());
    const auto json = nlohmann::json::parse(readWhole(identityFile()), nullptr, false);
    if (!json.is_object() || !json.contains("name") || !json["name"].is_string() ||
        !json.contains("role") || !json["role"].is_string())
        throw IdentityError("bad identity file " + identityFile().string());
    identity.device.device = json["name"].get<std::string>();
    const auto role = protocol::roleFromName(json["role"].get<std::string>());
    if (!role) throw IdentityError("unknown role in " + identityFile().string());
    identity.device.role = *role;
    if (json.contains("window") && json["window"].is_number_integer())
        identity.device.window = json["window"].get<int>();
    if (json.contains("zone") && json["zone"].is_string())
        identity.device.zone = json["zone"].get<std::string>();
    return identity;
}

void TerminalIdentityStore::save(const TerminalIdentity& identity) const {
    if (identity.credential.empty()) throw IdentityError("refusing to store an empty credential");
    std::error_code error;
    fs::create_directories(dir_, error);
    if (error) throw IdentityError("cannot create " + dir_.string() + ": " + error.message());
    nlohmann::json json{{"name", identity.device.device},
                        {"role", std::string(protocol::roleName(identity.device.role))}};
    if (identity.device.window) json["window"] = *identity.device.window;
    if (!identity.device.zone.empty()) json["zone"] = identity.device.zone;
    // The identity first: a credential never exists without the identity it belongs to.
    writeFileAtomically(identityFile(), json.dump(2) + "\n", 0644);
    writeFileAtomically(credentialFile(), identity.credential, 0600);
}

void TerminalIdentityStore::erase() const {
    std::error_code ignored;
    fs::remove(credentialFile(), ignored);
    fs::remove(identityFile(), ignored);
}

} // namespace hall::client
