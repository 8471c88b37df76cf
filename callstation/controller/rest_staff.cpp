// The staff's credentials over the REST API (docs/api.md, "Staff"): the hall's staff are its
// configuration's [[staff]]; an admin sets each one's PIN and card here, lists who has what and
// forgets them. A PIN is hashed on the staff desk's thread and never kept or logged; an ID
// number becomes the person key at once. The audit log names the staff member and what was set.

#include "callstation/controller/engine_worker.h"
#include "callstation/controller/hub.h"
#include "callstation/controller/rest_api.h"
#include "callstation/controller/rest_support.h"
#include "callstation/controller/staff_desk.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

namespace hall::controller {

namespace http = boost::beast::http;
using nlohmann::json;
using rest::Call;

void RestApi::staff(const std::shared_ptr<Call>& call, std::optional<std::string> id) {
    const auto verb = call->method();
    const auto& config = context_.hub.config();
    if (!id && verb == http::verb::get) {
        return context_.staff.run([this, call,
                                   members = config.staff](StaffCredentials& credentials) {
            const auto logins = credentials.list();
            const auto now = context_.clock.now();
            json list = json::array();
            for (const auto& member : members) {
                json entry{
                    {"id", member.id}, {"name", member.name}, {"staff_number", member.staffNumber},
                    {"pin", false},    {"card", false},       {"locked", false}};
                for (const auto& login : logins) {
                    if (login.staffId != member.id) continue;
                    entry["pin"] = !login.pinHash.empty();
                    entry["card"] = !login.personKey.empty();
                    entry["locked"] = technician::LockoutPolicy::isLocked(
                        login.lockout, technician::TimePoint(now.time_since_epoch()));
                }
                list.push_back(std::move(entry));
            }
            context_.staff.post([call, list = std::move(list)] {
                call->ok(json{{"staff", list}});
            });
        });
    }
    if (!id)
        return call->fail(http::status::method_not_allowed, "not_found",
                          "GET /api/v1/staff, PUT or DELETE /api/v1/staff/<id>/credentials");
    if (!config.findStaff(*id))
        return call->fail(http::status::not_found, "unknown_staff",
                          "no staff member '" + *id + "' in the hall configuration");
    if (verb == http::verb::put) {
        auto body = call->jsonBody();
        if (!body) return;
        std::optional<std::string> pin, idNumber;
        try {
            if (body->contains("pin")) pin = body->at("pin").get<std::string>();
            if (body->contains("id_number")) idNumber = body->at("id_number").get<std::string>();
        } catch (const json::exception&) {
            return call->fail(http::status::bad_request, "bad_staff", "pin and id_number are text");
        }
        if (!pin && !idNumber)
            return call->fail(http::status::bad_request, "bad_staff", "pin, id_number or both");
        std::optional<std::string> personKey;
        if (idNumber) {
            personKey = rest::personKeyOf(*idNumber, context_.personKeySecret);
            if (personKey->empty())
                return call->fail(http::status::bad_request, "bad_staff",
                                  "id_number: not an ID number (15 or 18 letters and digits)");
        }
        return context_.staff.run([this, call, id = *id, pin = std::move(pin),
                                   personKey](StaffCredentials& credentials) mutable {
            std::optional<RefusedChange> refused;
            std::string failed;
            try {
                credentials.set(id, pin, personKey);
            } catch (const RefusedChange& e) {
                refused = e;
            } catch (const std::exception& e) {
                failed = e.what();
            }
            const bool setPin = pin.has_value();
            if (pin) sodium_memzero(pin->data(), pin->size());
            context_.staff.post([this, call, id, setPin, card = personKey.has_value(), refused,
                                 failed] {
                if (refused) return call->refuse(*refused);
                if (!failed.empty())
                    return call->fail(http::status::internal_server_error, "internal", failed);
                const std::string what = setPin && card ? "pin card" : setPin ? "pin" : "card";
                context_.worker.run([this, admin = call->admin.device, id, what](HallData& data) {
                    data.audit.record(context_.clock.now(), admin, "staff_credentials",
                                      id + " " + what);
                });
                call->ok(json{{"id", id}, {"set", what}});
            });
        });
    }
    if (verb == http::verb::delete_) {
        return context_.staff.run([this, call, id = *id](StaffCredentials& credentials) {
            std::optional<RefusedChange> refused;
            std::string failed;
            try {
                credentials.forget(id);
            } catch (const RefusedChange& e) {
                refused = e;
            } catch (const std::exception& e) {
                failed = e.what();
            }
            context_.staff.post([this, call, id, refused, failed] {
                if (refused) return call->refuse(*refused);
                if (!failed.empty())
                    return call->fail(http::status::internal_server_error, "internal", failed);
                context_.worker.run([this, admin = call->admin.device, id](HallData& data) {
                    data.audit.record(context_.clock.now(), admin, "staff_credentials_forgotten",
                                      id);
                });
                call->ok(json{{"forgotten", id}});
            });
        });
    }
    call->fail(http::status::method_not_allowed, "not_found",
               "PUT or DELETE /api/v1/staff/<id>/credentials");
}

} // namespace hall::controller
