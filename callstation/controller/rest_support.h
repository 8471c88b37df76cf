#pragma once
// Small pieces of the REST API: one request being answered (its parsed target, the admin who
// sent it, JSON and error replies with the protocol's error codes) and text helpers.

#include "shared/core/time.h"
#include "callstation/netclient/asio.h"
#include "callstation/controller/refused_change.h"
#include "shared/protocol/messages.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace hall::controller::rest {

using Request = boost::beast::http::request<boost::beast::http::string_body>;
using Response = boost::beast::http::response<boost::beast::http::string_body>;

struct Call {
    Call(Request r, std::function<void(Response)> reply);

    Request request;
    std::function<void(Response)> reply;
    std::string path;                         // the target without its query
    std::map<std::string, std::string> query; // decoded ?a=b&c=d
    protocol::DeviceIdentity admin;           // set once authenticated

    boost::beast::http::verb method() const { return request.method(); }
    std::string bearer() const; // the credential of "Authorization: Bearer …", or empty

    void ok(const nlohmann::json& body, boost::beast::http::status status = boost::beast::http::status::ok);
    void text(boost::beast::http::status status, const std::string& contentType, std::string body);
    void fail(boost::beast::http::status status, const std::string& code, const std::string& message);
    void failWith(const protocol::Error& error); // the HTTP status that fits the protocol code
    // A store's refusal: 404 not_found, 409 in_use / duplicate, else 400; the field first.
    void refuse(const RefusedChange& refused);
    // The body as a JSON object; empty after replying 400 when it is not one.
    std::optional<nlohmann::json> jsonBody();
};

std::string percentDecode(std::string_view text);
// The person key of an ID number sent to the API (a booking's, a staff member's card) under the
// hall's secret, as terminals key an ID card; empty when it is not an ID number. The number is
// wiped from `idNumber` either way: it is never kept, logged or audited.
std::string personKeyOf(std::string& idNumber, const std::string& hallSecret);
std::string isoTime(core::Timestamp t); // 2026-11-23T01:05:07.123Z (UTC)

} // namespace hall::controller::rest
