#include "drivers/devsim/control_server.h"

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sstream>
#include <sys/socket.h>
#include <sys/un.h>
#include <system_error>
#include <unistd.h>

namespace hall::devsim {
namespace {

constexpr std::size_t kMaxLine = 4096;

sockaddr_un addressOf(const std::filesystem::path& path) {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const std::string s = path.string();
    if (s.size() >= sizeof addr.sun_path)
        throw std::system_error(ENAMETOOLONG, std::generic_category(),
                                "control socket path too long");
    std::memcpy(addr.sun_path, s.c_str(), s.size() + 1);
    return addr;
}

bool sendAll(int fd, const std::string& s) {
    std::size_t done = 0;
    while (done < s.size()) {
        ssize_t n = ::send(fd, s.data() + done, s.size() - done, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

} // namespace

std::vector<std::string> splitWords(const std::string& line) {
    std::vector<std::string> words;
    std::istringstream in(line);
    for (std::string w; in >> w;)
        words.push_back(w);
    return words;
}

ControlServer::ControlServer(std::filesystem::path socketPath) : path_(std::move(socketPath)) {}

ControlServer::~ControlServer() {
    stop();
}

void ControlServer::addTwin(std::string name, std::string usage, CommandHandler handler) {
    twins_[std::move(name)] = Twin{std::move(usage), std::move(handler)};
}

void ControlServer::start() {
    sockaddr_un addr = addressOf(path_);
    int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "control socket");
    ::unlink(addr.sun_path); // a stale socket from a killed run
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd, 8) != 0) {
        int err = errno;
        ::close(fd);
        throw std::system_error(err, std::generic_category(), "bind " + path_.string());
    }
    listenFd_ = fd;
    thread_ = std::jthread([this](std::stop_token stop) { serve(stop); });
}

void ControlServer::stop() {
    if (!thread_.joinable()) return;
    thread_.request_stop();
    thread_.join();
    ::close(listenFd_);
    listenFd_ = -1;
    ::unlink(path_.c_str());
}

std::string ControlServer::execute(const std::string& line) {
    auto words = splitWords(line);
    if (words.empty()) return "error empty command (try: help)";
    if (words[0] == "help") {
        std::string out = "ok";
        for (const auto& [name, twin] : twins_)
            out += (out.size() > 2 ? " ;; " : " ") + name + ": " + twin.usage;
        return out;
    }
    auto it = twins_.find(words[0]);
    if (it == twins_.end()) return "error no twin '" + words[0] + "' (try: help)";
    try {
        std::string answer = it->second.handler({words.begin() + 1, words.end()});
        return answer.empty() ? "ok" : "ok " + answer;
    } catch (const std::exception& e) {
        return std::string("error ") + e.what();
    }
}

void ControlServer::serve(std::stop_token stop) {
    // One connection at a time is plenty for a tool steered by a test or a person; polling with a
    // short timeout keeps stop() prompt without a wake-up pipe.
    while (!stop.stop_requested()) {
        pollfd p{listenFd_, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0) continue;
        int conn = ::accept4(listenFd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (conn < 0) continue;
        serveConnection(conn, stop);
        ::close(conn);
    }
}

void ControlServer::serveConnection(int fd, std::stop_token stop) {
    std::string buffer;
    char chunk[512];
    while (!stop.stop_requested()) {
        pollfd p{fd, POLLIN, 0};
        int ready = ::poll(&p, 1, 100);
        if (ready == 0) continue;
        if (ready < 0) return;
        ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) return;
        buffer.append(chunk, static_cast<std::size_t>(n));
        std::size_t eol;
        while ((eol = buffer.find('\n')) != std::string::npos) {
            std::string line = buffer.substr(0, eol);
            buffer.erase(0, eol + 1);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (!sendAll(fd, execute(line) + "\n")) return;
        }
        if (buffer.size() > kMaxLine) {
            sendAll(fd, "error line longer than 4096 bytes\n");
            return;
        }
    }
}

std::string sendControlCommand(const std::filesystem::path& socketPath, const std::string& line,
                               int timeoutMs) {
    sockaddr_un addr = addressOf(socketPath);
    int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "socket");
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
        throw std::system_error(errno, std::generic_category(), "connect " + socketPath.string());
    if (!sendAll(fd, line + "\n")) throw std::system_error(EPIPE, std::generic_category(), "send");
    std::string answer;
    char chunk[512];
    while (answer.find('\n') == std::string::npos) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, timeoutMs) <= 0)
            throw std::system_error(ETIMEDOUT, std::generic_category(), "no answer from devsim");
        ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) throw std::system_error(ECONNRESET, std::generic_category(), "devsim closed");
        answer.append(chunk, static_cast<std::size_t>(n));
    }
    answer.erase(answer.find('\n'));
    return answer;
}

} // namespace hall::devsim
