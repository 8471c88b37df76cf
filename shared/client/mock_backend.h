#pragma once
// A backend with no controller: a real core::Engine on the demo hall (shared/config), answering
// requests as callstationd would and producing the same protocol pushes (snapshot, queue,
// window, call, notice), so every screen runs, and is tested, without a controller.
//
// `online` can be switched off to show the offline screens: send() then refuses with "offline"
// and sendDurable() keeps requests (in memory) until it is switched on again, as the real
// outbox would. Nothing is persisted.
//
// personKeySecret() is the fixed demo secret kDemoPersonKeySecret, so identification screens
// compute person keys with no controller. It is public knowledge: demos only, never a hall's.

#include "shared/client/backend.h"
#include "shared/core/engine.h"
#include "shared/protocol/hall_view.h"

#include <QDateTime>
#include <deque>
#include <map>
#include <memory>

namespace hall::client {

// 32 bytes, the size callstationd creates (person-key.secret in its data directory).
inline constexpr char kDemoPersonKeySecret[] = "hall-demo-person-key-secret-0032";
// Every staff member of the demo hall has this PIN on the mock (and no card); the controller's
// hashing and lockout are not played. Demos only, like the secret above.
inline constexpr char kDemoStaffPin[] = "246810";

class MockBackend : public Backend {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool simulatedOnline READ simulatedOnline WRITE setSimulatedOnline NOTIFY
                   connectionStateChanged)

public:
    // The demo hall and its time zone, online at once as device "mock" with role admin (issuing
    // and every window's operations). Its clock runs at real speed from 10:00 hall time today,
    // so the demo hall's services are open whenever a screen is tried.
    explicit MockBackend(QObject* parent = nullptr);
    ~MockBackend() override;

    std::string send(protocol::RequestBody body, ResponseHandler handler,
                     std::chrono::milliseconds timeout = kDefaultRequestTimeout) override;
    std::string sendDurable(protocol::RequestBody body) override;
    int outboxSize() const override { return static_cast<int>(held_.size()); }

    // The terminal the mock stands in for: its requests pass the controller's role checks
    // (protocol::authorize) and rules, so a screen that works here works on the controller.
    void setDevice(protocol::DeviceIdentity device);

    bool simulatedOnline() const { return online(); }
    void setSimulatedOnline(bool online);

    // Screens and tests drive the hall without a window pad.
    Q_INVOKABLE void addNotice(const QString& id, const QString& text);
    // A hall in mid-morning for demos and screenshots: staff at windows 1–6 (and how citizens
    // rated them in the weeks before), citizens waiting for every service, windows 1–4
    // calling, two citizens who missed their call at windows 5 and 6, a booking K7QW2M9XHT
    // checked in, two notices posted. Through the requests an admin
    // tool would send, so the pushes are the real ones. Refused requests are skipped.
    Q_INVOKABLE void playMorning();
    // The clerk at `window` finishes the ticket there, if any, and calls the next, announced (a
    // board's pop-up and voice): a call every time the window has someone waiting.
    Q_INVOKABLE void callNextAt(int window);
    // Signage as an admin would publish it (the controller's content store, in memory): a text
    // slide (its id returned), a playlist entry for it, the emergency message (empty: cleared).
    Q_INVOKABLE QString addTextSlide(const QString& name, const QString& text);
    // A file of the content store (a staff photo: its name is what [[staff]] photo names); its id.
    QString addContent(const QString& name, const QString& type, const QByteArray& bytes);
    Q_INVOKABLE void play(const QString& id, int seconds);
    void play(protocol::PlaylistEntry entry); // with zones, roles, a schedule
    Q_INVOKABLE void setEmergency(const QString& textZh, const QString& textEn = {});
    // A booking as the booking system would enter it (the controller's book, in memory): check_in
    // finds it by its code (upper-case) or by the booker's person key.
    void addBooking(core::Booking booking);
    void fetchContent(const std::string& id, ContentHandler done) override;
    // Checked as the controller checks them (online, a known ticket, a known kind), then
    // counted and let go: the mock keeps no citizen's signature or scan.
    void uploadAttachment(core::TicketId ticket, const QString& kind, const QString& contentType,
                          const QByteArray& bytes, UploadHandler done) override;
    struct StoredAttachment {
        core::TicketId ticket = 0;
        QString kind;
        qsizetype size = 0;
    };
    const std::vector<StoredAttachment>& storedAttachments() const { return attachments_; }
    const core::Engine& engine() const { return *engine_; }
    // The clock the engine is given (see above); tests pin it.
    void setClock(std::function<core::Timestamp()> clock) { clock_ = std::move(clock); }
    core::Timestamp now() const { return clock_(); } // the mock hall's time

private:
    protocol::Response execute(const protocol::Request& request,
                               const protocol::DeviceIdentity& device);
    protocol::Snapshot snapshot() const;
    // The member the credential names (number + the demo PIN), or the controller's refusal.
    std::variant<core::Staff, protocol::Error>
    demoStaff(const protocol::StaffCredential& staff) const;
    void answerDurable(const protocol::Response& response);

    std::unique_ptr<core::Engine> engine_;
    protocol::DeviceIdentity device_{"mock", protocol::Role::Admin, std::nullopt, {}};
    std::function<core::Timestamp()> clock_;
    std::vector<protocol::Notice> notices_;
    std::deque<protocol::Request> held_; // sendDurable while simulated offline
    protocol::Signage signage_;
    protocol::RatingTally earlierRatings_; // the staff's ratings of the days before (playMorning)
    std::map<std::string, QByteArray> files_; // by content id
    std::vector<core::Booking> bookings_;
    std::vector<StoredAttachment> attachments_;
};

} // namespace hall::client
