#pragma once
// The REST API of docs/api.md: hall configuration, operations, devices, reports, follow-up
// cases, attachments, the audit log, /healthz and /metrics. JSON in and out (reports also CSV).
// Everything under /api/v1 needs an admin credential (`Authorization: Bearer …`, the credential of
// a device enrolled with the admin role) but a terminal's attachment upload, which needs a window
// pad's or a kiosk's; every change an admin makes is written to the audit log. Network thread; work
// on the database goes to the engine worker and the reply comes back when it is done.

#include "callstation/netclient/asio.h"
#include "shared/protocol/device.h"
#include "callstation/controller/content_store.h"
#include "callstation/controller/device_registry.h"
#include "callstation/controller/server_context.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace hall::controller {

namespace rest {
struct Call; // one request being answered (rest_support.h)
}

class RestApi {
public:
    using Request = boost::beast::http::request<boost::beast::http::string_body>;
    using Response = boost::beast::http::response<boost::beast::http::string_body>;
    using Reply = std::function<void(Response)>;

    explicit RestApi(ServerContext& context);
    void handle(Request request, Reply reply);

private:
    void route(const std::shared_ptr<rest::Call>& call);
    void status(const std::shared_ptr<rest::Call>& call);
    void hallConfig(const std::shared_ptr<rest::Call>& call);
    void notices(const std::shared_ptr<rest::Call>& call);
    void operation(const std::shared_ptr<rest::Call>& call, std::string type);
    void devices(const std::shared_ptr<rest::Call>& call);
    // What needs someone now: terminals with faults or not connected, and the bus units.
    void deviceHealth(const std::shared_ptr<rest::Call>& call);
    nlohmann::json deviceJson(const DeviceRecord& record) const;
    // rest_signage.cpp
    void content(const std::shared_ptr<rest::Call>& call, std::optional<std::string> id);
    void playlist(const std::shared_ptr<rest::Call>& call);
    void emergency(const std::shared_ptr<rest::Call>& call);
    void contentFile(const std::shared_ptr<rest::Call>& call, std::string id);
    void changeSignage(const std::shared_ptr<rest::Call>& call, std::string action,
                       std::function<nlohmann::json(ContentStore&)> change);
    // rest_bookings.cpp
    void bookings(const std::shared_ptr<rest::Call>& call, std::optional<std::string> id);
    // rest_staff.cpp: /staff, /staff/<id>/credentials
    void staff(const std::shared_ptr<rest::Call>& call, std::optional<std::string> id);
    void createEnrollment(const std::shared_ptr<rest::Call>& call);
    void revoke(const std::shared_ptr<rest::Call>& call, std::string device);
    // rest_followups.cpp: /followups, /followups/<id>, /followups/<id>/assign|close
    void followUps(const std::shared_ptr<rest::Call>& call, std::optional<std::string> id,
                   std::string action);
    // rest_attachments.cpp: POST /tickets/<id>/attachments with a terminal's credential;
    // /attachments?ticket=, /attachments/<id> for admins
    void attachmentUpload(const std::shared_ptr<rest::Call>& call, std::string ticket);
    void attachments(const std::shared_ptr<rest::Call>& call, std::optional<std::string> id);
    void reports(const std::shared_ptr<rest::Call>& call);
    void audit(const std::shared_ptr<rest::Call>& call);
    void health(const std::shared_ptr<rest::Call>& call);
    void metrics(const std::shared_ptr<rest::Call>& call);

    ServerContext& context_;
};

} // namespace hall::controller
