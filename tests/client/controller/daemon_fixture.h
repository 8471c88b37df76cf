#pragma once
// The real callstationd on loopback (tests/daemon's DaemonProcess, the test hall: services
// "permits" (A) and "taxes" (B), windows 1–3, staff s1–s3) and ControllerClients on data
// directories of their own, with short backoff and timeouts so the tests run in seconds.

#include "shared/client/controller_client.h"
#include "tests/daemon/daemon_process.h"
#include "tests/support/qt_event_wait.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility> // before any Boost.Asio header (g++ 12, C++20)

namespace client_test {

inline hall::client::ClientTimings fastTimings() {
    using namespace std::chrono_literals;
    hall::client::ClientTimings timings;
    timings.connectTimeout = 5s;
    timings.outboxRequestTimeout = 5s;
    timings.outboxRetryDelay = 200ms;
    timings.backoff = hall::client::BackoffPolicy{100ms, 400ms, 2.0, 0.2};
    return timings;
}

// Sends and waits for the answer (bounded).
inline hall::protocol::Response request(hall::client::ControllerClient& client,
                                        hall::protocol::RequestBody body) {
    using namespace std::chrono_literals;
    std::optional<hall::protocol::Response> answer;
    client.send(std::move(body), [&](const hall::protocol::Response& r) { answer = r; });
    REQUIRE(hall::testing::waitUntil([&] { return answer.has_value(); }, 15s));
    return *answer;
}

struct DaemonHall {
    hall::testing::TempDir dir{"client-daemon"};
    hall::testing::DaemonProcess daemon{dir.path() / "controller"};

    std::unique_ptr<hall::client::ControllerClient> client(const std::string& dataDir,
                                                           const std::string& caPem = {}) {
        auto client = std::make_unique<hall::client::ControllerClient>();
        client->setHost(QStringLiteral("localhost"));
        client->setPort(daemon.port());
        client->setCaPem(QString::fromStdString(caPem.empty() ? daemon.caPem() : caPem));
        client->setDataDir(QString::fromStdString((dir.path() / dataDir).string()));
        client->setTimings(fastTimings());
        return client;
    }

    QString code(const std::string& name, const std::string& role) const {
        return QString::fromStdString(daemon.enrollmentCode(name, role));
    }

    // An engine operation through the REST API, as an admin would do it.
    nlohmann::json operate(const std::string& type, const nlohmann::json& body) const {
        auto reply = daemon.admin().post("/api/v1/operations/" + type, body.dump());
        if (!reply.ok()) throw std::runtime_error(type + ": " + reply.body);
        return nlohmann::json::parse(reply.body);
    }

    int waiting(const std::string& service) const {
        const auto status = daemon.status(); // kept: the loop walks inside it
        for (const auto& queue : status["queues"]["services"])
            if (queue["service"] == service) return queue["waiting"].get<int>();
        return -1;
    }

    nlohmann::json hallReport() const {
        auto reply = daemon.admin().get("/api/v1/reports?by=hall");
        if (!reply.ok()) throw std::runtime_error("report: " + reply.body);
        return nlohmann::json::parse(reply.body);
    }
};

} // namespace client_test
