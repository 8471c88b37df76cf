// The follow-up cases of bad ratings over the REST API (docs/api.md, "Follow-up cases"): list
// them by state (overdue: not closed and past the deadline at the hall's clock), show one, assign
// it to someone, close it with a note. A closed case does not change (409). Every change is
// audited by case and ticket number; notes and the citizen's comment are not.

#include "callstation/controller/engine_worker.h"
#include "callstation/controller/followups.h"
#include "callstation/controller/rest_api.h"
#include "callstation/controller/rest_support.h"

#include <charconv>
#include <nlohmann/json.hpp>

namespace hall::controller {

namespace http = boost::beast::http;
using nlohmann::json;
using rest::Call;

namespace {

constexpr std::size_t kMaxNameBytes = 100;
constexpr std::size_t kMaxNoteBytes = 1000;

std::optional<std::int64_t> caseId(const std::string& text) {
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || id < 1)
        return std::nullopt;
    return id;
}

// A case as the API shows it; `overdue` as of `now`, the hall's clock; `due_day` the hall's
// local date by whose end it is due.
json followUpJson(const store::FollowUpCase& c, core::Timestamp now, const core::TimeZone& zone) {
    json out{{"id", c.id},
             {"ticket", c.ticket},
             {"number", c.number},
             {"service", c.serviceId},
             {"window", c.window},
             {"staff", c.staffId},
             {"level", core::ratingName(c.level)},
             {"level_zh", core::ratingLabelZh(c.level)},
             {"reasons", c.reasons},
             {"comment", c.comment},
             {"supplementary", c.supplementary},
             {"day", core::formatDay(c.day)},
             {"opened_at", rest::isoTime(c.openedAt)},
             {"deadline", rest::isoTime(c.deadline)},
             {"due_day", followUpDueDay(c, zone)},
             {"state", store::followUpStateName(c.state)},
             {"overdue", c.overdue(now)}};
    if (c.assignedAt) {
        out["assignee"] = c.assignee;
        out["assign_note"] = c.assignNote;
        out["assigned_at"] = rest::isoTime(*c.assignedAt);
    }
    if (c.closedAt) {
        out["closed_by"] = c.closedBy;
        out["close_note"] = c.closeNote;
        out["closed_at"] = rest::isoTime(*c.closedAt);
    }
    return out;
}

bool blank(const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

// A text field of the body: absent → nullopt; present, it must be a string of at most `limit`
// bytes and, when `required`, not blank. Throws std::invalid_argument naming the field.
std::optional<std::string> textField(const json& body, const char* key, std::size_t limit,
                                     bool required) {
    if (!body.contains(key)) {
        if (required) throw std::invalid_argument(std::string(key) + ": required");
        return std::nullopt;
    }
    const auto& value = body.at(key);
    if (!value.is_string()) throw std::invalid_argument(std::string(key) + ": a text");
    std::string text = value.get<std::string>();
    if (required && blank(text))
        throw std::invalid_argument(std::string(key) + ": must not be empty");
    if (text.size() > limit)
        throw std::invalid_argument(std::string(key) + ": at most " + std::to_string(limit) +
                                    " bytes");
    return text;
}

} // namespace

void RestApi::followUps(const std::shared_ptr<Call>& call, std::optional<std::string> id,
                        std::string action) {
    const auto verb = call->method();
    if (!id) {
        if (verb != http::verb::get)
            return call->fail(http::status::method_not_allowed, "not_found",
                              "GET /api/v1/followups?state=…");
        std::optional<store::FollowUpState> state;
        bool overdue = false;
        if (auto it = call->query.find("state"); it != call->query.end()) {
            overdue = it->second == "overdue";
            state = store::followUpStateFromName(it->second);
            if (!overdue && !state)
                return call->fail(http::status::bad_request, "bad_request",
                                  "state: open, in_progress, closed or overdue");
        }
        int limit = 100;
        if (auto it = call->query.find("limit"); it != call->query.end()) {
            limit = std::atoi(it->second.c_str());
            if (limit < 1 || limit > 1000)
                return call->fail(http::status::bad_request, "bad_request", "limit: 1 … 1000");
        }
        return context_.worker.run([this, call, state, overdue, limit](HallData& data) {
            const auto now = context_.clock.now();
            json list = json::array();
            for (const auto& c : data.followUps.table().list(state, overdue, now, limit))
                list.push_back(followUpJson(c, now, data.engine.engine().zone()));
            boost::asio::post(context_.network, [call, list = std::move(list), now] {
                call->ok(json{{"followups", list}, {"now", rest::isoTime(now)}});
            });
        });
    }
    const auto number = caseId(*id);
    if (!number)
        return call->fail(http::status::not_found, "not_found", "no follow-up case " + *id);

    if (action.empty()) {
        if (verb != http::verb::get)
            return call->fail(http::status::method_not_allowed, "not_found",
                              "GET /api/v1/followups/<id>");
        return context_.worker.run([this, call, number = *number](HallData& data) {
            const auto now = context_.clock.now();
            const auto found = data.followUps.table().find(number);
            std::optional<json> out;
            if (found) out = followUpJson(*found, now, data.engine.engine().zone());
            boost::asio::post(context_.network, [call, number, out = std::move(out)] {
                if (!out)
                    return call->fail(http::status::not_found, "not_found",
                                      "no follow-up case " + std::to_string(number));
                call->ok(*out);
            });
        });
    }
    if (verb != http::verb::post)
        return call->fail(http::status::method_not_allowed, "not_found",
                          "POST /api/v1/followups/<id>/" + action);
    auto body = call->jsonBody();
    if (!body) return;
    std::string who, note;
    try {
        if (action == "assign") {
            who = *textField(*body, "assignee", kMaxNameBytes, true);
            note = textField(*body, "note", kMaxNoteBytes, false).value_or("");
        } else {
            note = *textField(*body, "note", kMaxNoteBytes, true);
            who = *textField(*body, "closed_by", kMaxNameBytes, true);
        }
    } catch (const std::invalid_argument& e) {
        return call->fail(http::status::bad_request, "bad_request", e.what());
    }
    context_.worker.run([this, call, number = *number, action, who, note](HallData& data) {
        const auto now = context_.clock.now();
        auto& table = data.followUps.table();
        const auto change = action == "assign" ? table.assign(number, who, note, now)
                                               : table.close(number, who, note, now);
        std::optional<json> out;
        if (change == store::FollowUpChange::Done) {
            const auto updated = table.find(number);
            data.audit.record(now, call->admin.device, "followup_" + action,
                              "case " + std::to_string(number) + " " + updated->number);
            out = followUpJson(*updated, now, data.engine.engine().zone());
        }
        boost::asio::post(context_.network, [call, number, change, out = std::move(out)] {
            const std::string name = "follow-up case " + std::to_string(number);
            if (change == store::FollowUpChange::NotFound)
                return call->fail(http::status::not_found, "not_found", "no " + name);
            if (change == store::FollowUpChange::Closed)
                return call->fail(http::status::conflict, "case_closed",
                                  name + " is closed and does not change");
            call->ok(*out);
        });
    });
}

} // namespace hall::controller
