#include "tests/hallctl/run_process.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace hall::testing {

namespace {

struct Pipe {
    int read = -1, write = -1;
    Pipe() {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
        read = fds[0];
        write = fds[1];
    }
    ~Pipe() {
        if (read >= 0) close(read);
        if (write >= 0) close(write);
    }
};

std::vector<std::string> environment(const Environment& env,
                                     const std::vector<std::string>& cleared) {
    auto nameOf = [](const std::string& entry) { return entry.substr(0, entry.find('=')); };
    std::vector<std::string> out;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry(*e);
        bool drop = false;
        for (const auto& name : cleared)
            drop = drop || nameOf(entry) == name;
        for (const auto& [name, value] : env)
            drop = drop || nameOf(entry) == name;
        if (!drop) out.push_back(entry);
    }
    for (const auto& [name, value] : env)
        out.push_back(name + "=" + value);
    return out;
}

} // namespace

ProcessResult runProcess(const std::vector<std::string>& args, const Environment& env,
                         const std::vector<std::string>& cleared, std::chrono::milliseconds timeout,
                         const std::optional<std::string>& input) {
    Pipe out, err;
    // Input from a file in memory rather than a pipe: written whole before the child starts, it
    // can neither block us nor raise SIGPIPE in the test when the child exits without reading.
    int in = -1;
    if (input) {
        in = memfd_create("stdin", MFD_CLOEXEC);
        if (in < 0 ||
            write(in, input->data(), input->size()) != static_cast<ssize_t>(input->size()) ||
            lseek(in, 0, SEEK_SET) != 0) {
            if (in >= 0) close(in);
            throw std::runtime_error("cannot prepare the child's standard input");
        }
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (in >= 0)
        posix_spawn_file_actions_adddup2(&actions, in, 0);
    else
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out.write, 1);
    posix_spawn_file_actions_adddup2(&actions, err.write, 2);

    std::vector<std::string> argStrings = args, envStrings = environment(env, cleared);
    std::vector<char*> argv, envp;
    for (auto& a : argStrings)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    for (auto& e : envStrings)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (in >= 0) close(in);
    if (spawned != 0)
        throw std::runtime_error("cannot start " + args[0] + ": " + std::strerror(spawned));
    // Our copies of the write ends must go, or the reads below never see end-of-file.
    close(out.write);
    out.write = -1;
    close(err.write);
    err.write = -1;

    ProcessResult result;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    pollfd fds[2] = {{out.read, POLLIN, 0}, {err.read, POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open = 2;
    while (open > 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            result.timedOut = true;
            kill(pid, SIGKILL);
            break;
        }
        if (poll(fds, 2, static_cast<int>(left.count())) < 0 && errno != EINTR) break;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) continue;
            char buffer[4096];
            const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                sinks[i]->append(buffer, static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                fds[i].fd = -1; // poll ignores negative descriptors
                --open;
            }
        }
    }
    int status = 0;
    waitpid(pid, &status, 0);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

} // namespace hall::testing

namespace hall::testing {

ProcessResult runOnTerminal(const std::vector<std::string>& args,
                            const std::vector<std::pair<std::string, std::string>>& dialogue,
                            const std::vector<std::string>& cleared,
                            std::chrono::milliseconds timeout) {
    const int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0 || ptsname(master) == nullptr) {
        if (master >= 0) close(master);
        throw std::runtime_error("cannot open a pseudo-terminal");
    }
    // Ours stays open too, so that the terminal never hangs up while the child starts or after
    // it ends: the end is told by stdout's end-of-file and the child's exit.
    const int slave = open(ptsname(master), O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (slave < 0) {
        close(master);
        throw std::runtime_error("cannot open the pseudo-terminal's slave");
    }
    Pipe out;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, slave, 0);
    posix_spawn_file_actions_adddup2(&actions, out.write, 1);
    posix_spawn_file_actions_adddup2(&actions, slave, 2);

    std::vector<std::string> argStrings = args, envStrings = environment({}, cleared);
    std::vector<char*> argv, envp;
    for (auto& a : argStrings)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    for (auto& e : envStrings)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(out.write);
    out.write = -1;
    if (spawned != 0) {
        close(slave);
        close(master);
        throw std::runtime_error("cannot start " + args[0] + ": " + std::strerror(spawned));
    }

    ProcessResult result;
    std::size_t next = 0, seen = 0; // the dialogue's next pair; where its prompt is looked for
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    bool outOpen = true;
    while (outOpen) {
        // Answer every prompt shown so far (the child turns echo off before it prompts).
        while (next < dialogue.size()) {
            const auto at = result.err.find(dialogue[next].first, seen);
            if (at == std::string::npos) break;
            const std::string line = dialogue[next].second + "\n";
            if (write(master, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
                throw std::runtime_error("cannot type on the pseudo-terminal");
            seen = at + dialogue[next].first.size();
            ++next;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            result.timedOut = true;
            kill(pid, SIGKILL);
            break;
        }
        pollfd fds[2] = {{out.read, POLLIN, 0}, {master, POLLIN, 0}};
        if (poll(fds, 2, static_cast<int>(left.count())) < 0 && errno != EINTR) break;
        char buffer[4096];
        if (fds[0].revents != 0) {
            const ssize_t n = read(out.read, buffer, sizeof buffer);
            if (n > 0)
                result.out.append(buffer, static_cast<std::size_t>(n));
            else if (n == 0 || errno != EINTR)
                outOpen = false;
        }
        if (fds[1].revents & POLLIN) {
            const ssize_t n = read(master, buffer, sizeof buffer);
            if (n > 0) result.err.append(buffer, static_cast<std::size_t>(n));
        }
    }
    int status = 0;
    waitpid(pid, &status, 0);
    // What the terminal still holds of the child's last words.
    for (pollfd fd{master, POLLIN, 0}; poll(&fd, 1, 0) > 0 && (fd.revents & POLLIN);) {
        char buffer[4096];
        const ssize_t n = read(master, buffer, sizeof buffer);
        if (n <= 0) break;
        result.err.append(buffer, static_cast<std::size_t>(n));
    }
    close(slave);
    close(master);
    if (next < dialogue.size()) result.timedOut = true;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

} // namespace hall::testing
