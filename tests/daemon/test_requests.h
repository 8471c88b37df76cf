#pragma once
// Building protocol requests in tests without repeating the structs' fields everywhere.

#include "callstation/netclient/terminal_connection.h"

#include <doctest/doctest.h>

#include <string>

namespace hall::testing {

inline protocol::Request req(std::string id, protocol::RequestBody body) {
    return protocol::Request{std::move(id), std::move(body)};
}
inline core::IssueTicket issue(std::string service) {
    core::IssueTicket i;
    i.serviceId = std::move(service);
    return i;
}
inline const protocol::CommandResult& commandResult(const protocol::Response& r) {
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : std::get<protocol::Error>(r.outcome).code));
    return std::get<protocol::CommandResult>(std::get<protocol::ResponseResult>(r.outcome));
}
inline std::string errorCode(const protocol::Response& r) {
    REQUIRE_FALSE(r.ok());
    return std::get<protocol::Error>(r.outcome).code;
}

} // namespace hall::testing
