#include "callstation/halldemo/control_line.h"

#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>

namespace hall::demo {

namespace {

class Connection {
public:
    explicit Connection(const std::filesystem::path& socket) {
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const std::string path = socket.string();
        if (path.size() >= sizeof address.sun_path)
            throw ControlError("control socket path too long: " + path);
        std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
        fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd_ < 0 || ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
            throw ControlError("cannot connect to " + path + ": " + std::strerror(errno));
    }
    ~Connection() {
        if (fd_ >= 0) ::close(fd_);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    int fd() const { return fd_; }

private:
    int fd_ = -1;
};

} // namespace

std::string askControl(const std::filesystem::path& socket, const std::string& command,
                       std::chrono::milliseconds timeout) {
    Connection connection(socket);
    const std::string line = command + "\n";
    if (::send(connection.fd(), line.data(), line.size(), MSG_NOSIGNAL) !=
        static_cast<ssize_t>(line.size()))
        throw ControlError("cannot send '" + command + "' to " + socket.string());
    std::string answer;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (answer.find('\n') == std::string::npos) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd readable{connection.fd(), POLLIN, 0};
        if (left.count() <= 0 || ::poll(&readable, 1, static_cast<int>(left.count())) <= 0)
            throw ControlError("no answer to '" + command + "' from " + socket.string());
        char buffer[4096];
        const ssize_t n = ::recv(connection.fd(), buffer, sizeof buffer, 0);
        if (n <= 0) throw ControlError("'" + command + "': " + socket.string() + " hung up");
        answer.append(buffer, static_cast<std::size_t>(n));
    }
    answer.resize(answer.find('\n'));
    if (answer == "ok") return {};
    if (answer.starts_with("ok ")) return answer.substr(3);
    throw ControlError("'" + command + "': " + answer);
}

bool waitForControl(const std::filesystem::path& socket, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        try {
            Connection probe(socket);
            return true;
        } catch (const ControlError&) {
            if (std::chrono::steady_clock::now() > deadline) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
}

} // namespace hall::demo
