#include "shared/client/mock_backend.h"

#include "drivers/scanner/booking_code.h"
#include "shared/config/demo_hall.h"
#include "shared/protocol/check_in.h"
#include "shared/protocol/hall_view.h"
#include "shared/protocol/roles.h"
#include "shared/terminal/request_tracker.h"
#include "shared/tz/system_zone.h"

#include <QTimer>
#include <algorithm>

namespace hall::client {

namespace {

core::Timestamp systemNow() {
    return std::chrono::time_point_cast<core::Millis>(std::chrono::system_clock::now());
}

} // namespace

MockBackend::MockBackend(QObject* parent) : Backend(parent) {
    auto config = config::demoHall();
    auto zone = tz::loadZone(config.timeZone);
    const auto now = systemNow();
    const auto tenOClock = core::localToUtc(*zone, core::toLocal(*zone, now).date, 10 * 60);
    const auto offset = tenOClock - now;
    clock_ = [offset] { return systemNow() + offset; };
    engine_ = std::make_unique<core::Engine>(std::move(config), std::move(zone));
    setDevice(device_);
    setPersonKeySecret(std::string(kDemoPersonKeySecret));
    setConnectionState(ConnectionState::Online);
    replaceSnapshot(snapshot());
}

MockBackend::~MockBackend() = default;

void MockBackend::setDevice(protocol::DeviceIdentity device) {
    device_ = std::move(device);
    setIdentity(device_);
}

protocol::Snapshot MockBackend::snapshot() const {
    auto view = protocol::viewOf(*engine_, clock_(), earlierRatings_);
    return protocol::Snapshot{protocol::hallInfo(engine_->config(), device_.device, signage_.content),
                              std::move(view.queues), std::move(view.windows), notices_,
                              protocol::signageFor(signage_, device_)};
}

// --- signage: the controller's content store, in memory -------------------------------------

QString MockBackend::addTextSlide(const QString& name, const QString& text) {
    return addContent(name, QStringLiteral("text/plain"), text.toUtf8());
}

QString MockBackend::addContent(const QString& name, const QString& type, const QByteArray& bytes) {
    const std::string id = protocol::contentIdOf(std::string_view(bytes.constData(), bytes.size()));
    if (!files_.count(id)) {
        files_[id] = bytes;
        signage_.content.push_back({id, name.toStdString(), type.toStdString(),
                                    static_cast<std::uint64_t>(bytes.size())});
        replaceSnapshot(snapshot()); // as the controller pushes a new snapshot
    }
    return QString::fromStdString(id);
}

void MockBackend::play(const QString& id, int seconds) {
    protocol::PlaylistEntry entry;
    entry.content = id.toStdString();
    entry.seconds = seconds;
    play(std::move(entry));
}

void MockBackend::play(protocol::PlaylistEntry entry) {
    signage_.playlist.push_back(std::move(entry));
    replaceSnapshot(snapshot()); // as the controller pushes a new snapshot
}

void MockBackend::setEmergency(const QString& textZh, const QString& textEn) {
    if (textZh.isEmpty())
        signage_.emergency.reset();
    else
        signage_.emergency =
            protocol::Emergency{textZh.toStdString(), textEn.toStdString(), clock_()};
    replaceSnapshot(snapshot());
}

void MockBackend::fetchContent(const std::string& id, ContentHandler done) {
    std::optional<QByteArray> bytes;
    if (auto it = files_.find(id); it != files_.end() && online()) bytes = it->second;
    QTimer::singleShot(0, this,
                       [done = std::move(done), bytes = std::move(bytes)] { done(bytes); });
}

void MockBackend::uploadAttachment(core::TicketId ticket, const QString& kind,
                                   const QString& contentType, const QByteArray& bytes,
                                   UploadHandler done) {
    QString refusal;
    const bool signature = kind == QLatin1String("signature");
    if (!online())
        refusal = QStringLiteral("offline");
    else if (!engine_->ticket(ticket))
        refusal = QStringLiteral("unknown_ticket");
    else if (!(signature && contentType == QLatin1String("image/png")) &&
             !(kind == QLatin1String("scan") && contentType == QLatin1String("application/pdf")))
        refusal = QStringLiteral("bad_content");
    else
        attachments_.push_back({ticket, kind, bytes.size()});
    QTimer::singleShot(0, this, [done = std::move(done), refusal] { done(refusal.isEmpty(), refusal); });
}

void MockBackend::setSimulatedOnline(bool online) {
    if (online == this->online()) return;
    setConnectionState(online ? ConnectionState::Online : ConnectionState::Reconnecting);
    if (!online) return;
    // As after a reconnect: a fresh snapshot, then the held requests in order.
    replaceSnapshot(snapshot());
    while (!held_.empty()) {
        auto request = std::move(held_.front());
        held_.pop_front();
        const auto response = execute(request, device_);
        Q_EMIT outboxChanged();
        answerDurable(response);
    }
}

void MockBackend::addNotice(const QString& id, const QString& text) {
    protocol::Notice notice{id.toStdString(), text.toStdString()};
    bool replaced = false;
    for (auto& held : notices_)
        if (held.id == notice.id) {
            held = notice;
            replaced = true;
        }
    if (!replaced) notices_.push_back(notice);
    applyPush(notice);
}

namespace {
// Whatever the mock stands in for, the hall's desk makes the morning and the demo calls.
const protocol::DeviceIdentity kDesk{"mock-desk", protocol::Role::Admin, std::nullopt, {}};
} // namespace

void MockBackend::callNextAt(int window) {
    if (const auto* state = engine_->window(window); state && state->current)
        execute(protocol::Request{newRequestId(), core::Finish{window}}, kDesk);
    execute(protocol::Request{newRequestId(), core::CallNext{window, false}}, kDesk);
}

void MockBackend::addBooking(core::Booking booking) {
    bookings_.push_back(std::move(booking));
}

void MockBackend::playMorning() {
    const auto run = [&](protocol::RequestBody body) {
        execute(protocol::Request{newRequestId(), std::move(body)}, kDesk);
    };
    const auto& config = engine_->config();
    // How citizens rated them over the weeks before (the controller reads it from its reports;
    // the mock's engine has only today): mostly 满意 and 非常满意, a few worse.
    for (std::size_t i = 0; i < config.staff.size(); ++i) {
        const int n = static_cast<int>(i);
        earlierRatings_[config.staff[i].id] = {n % 2, 1 + n % 3, 4 + n % 5, 30 + 7 * (n % 4), 90 - 9 * (n % 6)};
    }
    for (std::size_t i = 0; i < 6 && i < config.windows.size() && i < config.staff.size(); ++i)
        run(core::SignIn{config.windows[i].number, config.staff[i].id});
    for (int round = 0; round < 3; ++round)
        for (const auto& service : config.services) {
            core::IssueTicket issue;
            issue.serviceId = service.id;
            // An identify-only service: three different people (person keys are 64 hex digits).
            if (service.identify) issue.personKey = std::string(63, 'd') + char('0' + round);
            run(std::move(issue));
        }
    for (std::size_t i = 0; i < 4 && i < config.windows.size(); ++i)
        run(core::CallNext{config.windows[i].number, true});
    // Two citizens did not come when windows 5 and 6 called them: the boards' missed list.
    for (std::size_t i = 4; i < 6 && i < config.windows.size(); ++i) {
        run(core::CallNext{config.windows[i].number, true});
        run(core::MarkNoShow{config.windows[i].number});
    }
    // A citizen who booked 10:00 has checked in already: a second check-in is told the number.
    const auto& first = config.services.front();
    addBooking(core::Booking{"K7QW2M9XHT", first.id, clock_(), {}});
    run(protocol::CheckInRequest{"K7QW2M9XHT", {}});
    addNotice(
        QStringLiteral("demo-lunch"),
        QStringLiteral("午间 12:00–13:30 部分窗口暂停服务，不动产登记下午 13:30 起继续取号。"));
    addNotice(QStringLiteral("demo-id"),
              QStringLiteral("办理业务请携带本人身份证原件；60 岁以上市民可走绿色通道。"));
    play(addTextSlide(QStringLiteral("不见面审批"),
                      QStringLiteral("“一网通办”：企业开办、社保、公积金等 200 "
                                     "余项事项可在“浙里办”网上办理，不用跑窗口。")),
         8);
    play(addTextSlide(
             QStringLiteral("帮办代办"),
             QStringLiteral("老年人、残疾人可到 1 号窗口旁的帮办代办席，工作人员全程陪同办理。")),
         8);
}

std::string MockBackend::send(protocol::RequestBody body, ResponseHandler handler,
                              std::chrono::milliseconds) {
    protocol::Request request{newRequestId(), std::move(body)};
    protocol::Response response =
        online() ? execute(request, device_)
                 : localRefusal(request.id, request.type(), "offline", "simulated offline");
    // Never from inside send(): the same contract as the real client.
    QTimer::singleShot(0, this, [handler = std::move(handler), response = std::move(response)] {
        if (handler) handler(response);
    });
    return request.id;
}

std::string MockBackend::sendDurable(protocol::RequestBody body) {
    protocol::Request request{newRequestId(), std::move(body)};
    const std::string id = request.id;
    if (!online()) {
        held_.push_back(std::move(request));
        Q_EMIT outboxChanged();
        return id;
    }
    QTimer::singleShot(0, this,
                       [this, response = execute(request, device_)] { answerDurable(response); });
    return id;
}

void MockBackend::answerDurable(const protocol::Response& response) {
    Q_EMIT durableResponded(response);
    const auto* error = response.ok() ? nullptr : &std::get<protocol::Error>(response.outcome);
    Q_EMIT durableAnswered(QString::fromStdString(response.id), error == nullptr,
                           error ? QString::fromStdString(error->code) : QString(),
                           error ? QString::fromStdString(error->message) : QString());
}

std::variant<core::Staff, protocol::Error>
MockBackend::demoStaff(const protocol::StaffCredential& staff) const {
    const auto& members = engine_->config().staff;
    const auto member = std::ranges::find_if(members, [&](const core::Staff& s) {
        return !staff.number.empty() && s.staffNumber == staff.number;
    });
    if (member == members.end())
        return protocol::engineError(
            core::fail(core::ErrorCode::UnknownStaff, "no staff member with this number"));
    if (staff.pin != kDemoStaffPin)
        return protocol::protocolError(protocol::ProtocolError::WrongPin, "wrong PIN (demo)");
    return *member;
}

protocol::Response MockBackend::execute(const protocol::Request& request,
                                        const protocol::DeviceIdentity& device) {
    protocol::Response response{request.id, request.type(),
                                protocol::ResponseResult{protocol::Ack{}}};
    if (auto refusal = protocol::authorize(device, request)) {
        response.outcome = std::move(*refusal);
        return response;
    }
    const auto now = clock_();
    if (std::holds_alternative<protocol::GetSnapshot>(request.body)) {
        // The mock has no stream of its own to count: its pushes are applied at once.
        response.outcome = protocol::ResponseResult{protocol::SnapshotResult{0, snapshot()}};
        return response;
    }
    auto command = protocol::engineCommand(request);
    if (const auto* asked = std::get_if<protocol::CheckInRequest>(&request.body)) {
        // The booking is looked up as the controller looks it up (protocol/check_in.h).
        std::optional<core::Booking> booking;
        if (asked->personKey.empty()) {
            const auto code = drivers::scanner::normalBookingId(asked->booking);
            for (const auto& b : bookings_)
                if (b.id == code) booking = b;
        } else {
            booking = protocol::personsBookingDue(asked->personKey, bookings_, *engine_, now);
        }
        if (!booking) {
            response.outcome = protocol::engineError(core::fail(
                core::ErrorCode::UnknownBooking, "no such booking, or none of this person today"));
            return response;
        }
        command = core::CheckIn{*booking, {}};
    }
    if (const auto* green = std::get_if<protocol::GreenTicketRequest>(&request.body)) {
        auto staff = demoStaff(green->staff);
        if (auto* refused = std::get_if<protocol::Error>(&staff)) {
            response.outcome = std::move(*refused);
            return response;
        }
        core::IssueTicket issue;
        issue.serviceId = green->serviceId;
        issue.priority = core::PriorityClass::GreenChannel;
        issue.greenCategory = green->category;
        command = std::move(issue);
    }
    if (const auto* signIn = std::get_if<protocol::StaffSignInRequest>(&request.body)) {
        auto staff = demoStaff(signIn->staff);
        if (auto* refused = std::get_if<protocol::Error>(&staff)) {
            response.outcome = std::move(*refused);
            return response;
        }
        command = core::SignIn{signIn->window, std::get<core::Staff>(staff).id};
    }
    if (!command) return response; // heartbeat, technician_audit: acknowledged
    protocol::stampConnection(*command, device);
    const auto before = protocol::viewOf(*engine_, now, earlierRatings_);
    const auto decision = engine_->execute(*command, now);
    response.outcome = protocol::answerFor(decision, *command, *engine_, now);
    if (!decision) return response;
    // The pushes the controller would send for this commit: calls first, then changed state.
    for (const auto& call : protocol::callsIn(decision->events, *engine_))
        applyPush(call);
    for (const auto& push : protocol::changesBetween(before, protocol::viewOf(*engine_, now, earlierRatings_)))
        applyPush(push);
    return response;
}

} // namespace hall::client
