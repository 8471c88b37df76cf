#pragma once
// A WebSocket-over-TLS server in the test process, by default an echo: every frame comes back as
// it came (text or binary). Tests of the terminal client use it with a responder that plays the
// controller; the benchmark uses the plain echo as the baseline of what TLS and WebSocket cost
// without any hall logic. It serves on its own thread from construction to stop().

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace hall::testing {

struct WsFrame {
    std::string payload;
    bool text = true;
    bool operator==(const WsFrame&) const = default;
};

class TlsEchoServer {
public:
    // The frames to send back for one received frame; called on the server's thread.
    using Responder = std::function<std::vector<WsFrame>(const WsFrame& received)>;

    struct Options {
        std::string address = "127.0.0.1";
        Responder responder; // empty: echo
    };

    // Listens on options.address, port 0, presenting `certificatePem` (with its chain) and
    // `keyPem`. Throws when the address cannot be bound or the certificate is unusable.
    TlsEchoServer(const std::string& certificatePem, const std::string& keyPem, Options options);
    TlsEchoServer(const std::string& certificatePem, const std::string& keyPem);
    ~TlsEchoServer();
    TlsEchoServer(const TlsEchoServer&) = delete;
    TlsEchoServer& operator=(const TlsEchoServer&) = delete;

    std::uint16_t port() const;
    std::size_t connectionsAccepted() const;
    // WebSocket sessions that completed the upgrade and have not ended yet.
    std::size_t openSessions();

    // Ends every open session: with a close frame carrying `code` when `polite`, else by
    // dropping the TCP connection. Returns once that has been started on the server's thread.
    void closeConnections(bool polite = true, std::uint16_t code = 1000);

    void stop(); // idempotent; the destructor stops too

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace hall::testing
