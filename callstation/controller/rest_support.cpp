#include "callstation/controller/rest_support.h"

#include "shared/core/result.h"
#include "shared/terminal/person_key.h"

#include <algorithm>

#include <cstdio>

namespace hall::controller::rest {

namespace http = boost::beast::http;

Call::Call(Request r, std::function<void(Response)> replyTo)
    : request(std::move(r)), reply(std::move(replyTo)) {
    const std::string_view target(request.target().data(), request.target().size());
    const auto question = target.find('?');
    path = std::string(target.substr(0, question)); // segments are decoded by the router
    if (question == std::string_view::npos) return;
    std::string_view rest = target.substr(question + 1);
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        const auto eq = pair.find('=');
        query[percentDecode(pair.substr(0, eq))] =
            eq == std::string_view::npos ? std::string() : percentDecode(pair.substr(eq + 1));
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    }
}

std::string Call::bearer() const {
    const auto field = request[http::field::authorization];
    const std::string_view header(field.data(), field.size());
    constexpr std::string_view kScheme = "Bearer ";
    if (header.size() <= kScheme.size() || header.substr(0, kScheme.size()) != kScheme) return {};
    return std::string(header.substr(kScheme.size()));
}

void Call::text(http::status status, const std::string& contentType, std::string body) {
    Response response{status, request.version()};
    response.set(http::field::content_type, contentType);
    response.set(http::field::cache_control, "no-store");
    response.keep_alive(request.keep_alive());
    response.body() = std::move(body);
    response.prepare_payload();
    reply(std::move(response));
}

void Call::ok(const nlohmann::json& body, http::status status) {
    text(status, "application/json", body.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

void Call::fail(http::status status, const std::string& code, const std::string& message) {
    ok(nlohmann::json{{"error", {{"code", code}, {"message", message}}}}, status);
}

void Call::refuse(const RefusedChange& refused) {
    using S = http::status;
    const auto& code = refused.code();
    const S status = code == "not_found"                      ? S::not_found
                     : code == "in_use" || code == "duplicate" ? S::conflict
                                                               : S::bad_request;
    fail(status, code,
         refused.field().empty() ? refused.what() : refused.field() + ": " + refused.what());
}

void Call::failWith(const protocol::Error& error) {
    using S = http::status;
    static const std::map<std::string, S> kStatus{
        {"bad_frame", S::bad_request},       {"unsupported_version", S::bad_request},
        {"unknown_type", S::not_found},      {"unauthenticated", S::unauthorized},
        {"forbidden", S::forbidden},         {"rate_limited", S::too_many_requests},
        {"too_large", S::payload_too_large}, {"internal", S::internal_server_error},
        {"invalid_argument", S::bad_request}, {"unknown_service", S::not_found},
        {"unknown_window", S::not_found},    {"unknown_staff", S::not_found},
        {"unknown_ticket", S::not_found},
    };
    auto it = kStatus.find(error.code);
    // Every other engine refusal is the hall's state saying no (window busy, quota reached…).
    fail(it != kStatus.end() ? it->second : S::conflict, error.code, error.message);
}

std::optional<nlohmann::json> Call::jsonBody() {
    auto parsed = nlohmann::json::parse(request.body(), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
        fail(http::status::bad_request, "bad_request", "the body must be a JSON object");
        return std::nullopt;
    }
    return parsed;
}

std::string personKeyOf(std::string& idNumber, const std::string& hallSecret) {
    auto key = client::personKey(
        idNumber,
        std::span(reinterpret_cast<const std::uint8_t*>(hallSecret.data()), hallSecret.size()));
    std::fill(idNumber.begin(), idNumber.end(), '\0');
    return key;
}

std::string percentDecode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
            out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
            i += 2;
        } else if (text[i] == '+') {
            out += ' ';
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string isoTime(core::Timestamp t) {
    const auto days = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::year_month_day date{days};
    const auto ms = (t - days).count();
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ",
                  static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                  static_cast<unsigned>(date.day()), static_cast<long long>(ms / 3600000),
                  static_cast<long long>(ms / 60000 % 60), static_cast<long long>(ms / 1000 % 60),
                  static_cast<long long>(ms % 1000));
    return buffer;
}

} // namespace hall::controller::rest
