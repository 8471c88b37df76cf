#pragma once
// An HTTPS/1.1 server in the test process whose answers come from a handler: the other end for
// tests of the REST client. Keep-alive is honoured; an answer can also end the connection the
// way a server's idle timeout does (TCP closed while the client believes it still open), or not
// come at all. It serves on its own thread from construction to stop().

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace hall::testing {

struct HttpRequestSeen {
    std::string method; // "GET"
    std::string target; // "/api/v1/devices?x=1"
    std::string authorization;
    std::string contentType;
    std::string body;
    std::string idempotencyKey; // the Idempotency-Key header
};

struct HttpAnswer {
    int status = 200;
    std::string contentType = "text/plain";
    std::string body;
    // Close the TCP connection right after this answer without saying so ("Connection:
    // keep-alive" still sent), as a server does when its idle timeout hits.
    bool dropAfter = false;
};

class TlsHttpServer {
public:
    // Called on the server's thread; nullopt: never answer (the connection stays open).
    using Handler = std::function<std::optional<HttpAnswer>(const HttpRequestSeen&)>;

    TlsHttpServer(const std::string& certificatePem, const std::string& keyPem, Handler handler,
                  const std::string& address = "127.0.0.1");
    ~TlsHttpServer();
    TlsHttpServer(const TlsHttpServer&) = delete;
    TlsHttpServer& operator=(const TlsHttpServer&) = delete;

    std::uint16_t port() const;
    std::size_t connectionsAccepted() const;
    void stop(); // idempotent; the destructor stops too

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace hall::testing
