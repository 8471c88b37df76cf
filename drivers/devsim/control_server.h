#pragma once
// devsim's control socket: a Unix stream socket speaking one line per command, one line per
// answer, so a test, a shell (`socat - UNIX:devsim.sock`) or the demo can steer the twins:
//
//   > idcard insert wang-lan        < ok
//   > idcard unplug                 < ok
//   > scanner scan HALL-APPT:123    < ok
//   > idcard insert nobody          < error no person 'nobody' in the fixture
//
// The first word picks the twin, the rest goes to that twin's handler. Lines are at most 4 KiB;
// a longer one gets an error and the connection is closed (it cannot be resynchronised).

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace hall::devsim {

// Returns the answer line without "ok"/"error": throw std::invalid_argument or
// std::runtime_error for an error answer.
using CommandHandler = std::function<std::string(const std::vector<std::string>& args)>;

class ControlServer {
public:
    explicit ControlServer(std::filesystem::path socketPath);
    ~ControlServer();
    ControlServer(const ControlServer&) = delete;
    ControlServer& operator=(const ControlServer&) = delete;

    // Register before start(); `help` lists the twins and their usage lines.
    void addTwin(std::string name, std::string usage, CommandHandler handler);
    void start(); // throws std::system_error when the socket cannot be bound
    void stop();

    // Runs one line through the handlers, as a connection would: "ok …" or "error …".
    std::string execute(const std::string& line);

private:
    void serve(std::stop_token stop);
    void serveConnection(int fd, std::stop_token stop);

    struct Twin {
        std::string usage;
        CommandHandler handler;
    };
    std::filesystem::path path_;
    std::map<std::string, Twin> twins_;
    int listenFd_ = -1;
    std::jthread thread_;
};

// One command, one answer: for tests and tools. Throws std::system_error when the socket is not
// there or the answer does not come within the timeout.
std::string sendControlCommand(const std::filesystem::path& socketPath, const std::string& line,
                               int timeoutMs = 5000);

std::vector<std::string> splitWords(const std::string& line);

} // namespace hall::devsim
