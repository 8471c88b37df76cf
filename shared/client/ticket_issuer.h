#pragma once
// How a ticket machine (or kiosk) issues tickets, online or not:
//
//   online   issue_ticket: the controller numbers the ticket and says how many are ahead;
//   offline  the next number of a block leased in advance (LeasePool): persisted as used, with
//            its issue_leased_ticket report in the outbox, before it is returned to be printed;
//            the outbox reports it when the link returns and the controller places it in line
//            by its issue time.
//
// It keeps a pool per service topped up: whenever the link is up and a service has fewer than
// `threshold` free numbers for the day, it asks lease_numbers for `blockSize` more (a retry
// after a lost answer keeps the request id, so the controller grants the block once).
//
// The client is any Backend. Leases need the terminal's own database and outbox, so they are
// kept only with a ControllerClient; on a MockBackend (no controller) issue() asks the mock's
// engine online and has no leased numbers to fall back on ("no_leased_numbers").
//
// The business day a lease is good for is the controller's ("YYYY-MM-DD" in the hall's time
// zone). By default the terminal takes the day of the newest lease it was granted; an app that
// knows the hall's zone sets businessDayProvider so that numbers of a past day are never used.

#include "shared/client/controller_client.h"
#include "shared/terminal/lease_pool.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <functional>
#include <map>
#include <memory>

namespace hall::client {

struct IssueOutcome {
    bool ok = false;
    bool offline = false; // from a leased number: reported to the controller later
    std::string serviceId;
    std::string number;                          // as the controller gave it, to print
    std::optional<core::TicketId> ticketId;      // online only
    std::optional<int> ahead;                    // online only
    std::optional<std::int64_t> estimatedWaitMs; // online only
    std::string requestId;
    std::string errorCode; // when !ok: the controller's code, or no_leased_numbers, outbox_full,
                           // storage_error (terminal.db refused the write), timeout,
                           // connection_lost
    std::string message;
    std::string heldNumber{}; // duplicate_person: the number the person already holds today
};

class TicketIssuer : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(hall::client::Backend* client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(QStringList services READ services WRITE setServices NOTIFY settingsChanged)
    Q_PROPERTY(int threshold READ threshold WRITE setThreshold NOTIFY settingsChanged)
    Q_PROPERTY(int blockSize READ blockSize WRITE setBlockSize NOTIFY settingsChanged)

public:
    using IssueHandler = std::function<void(const IssueOutcome&)>;

    explicit TicketIssuer(QObject* parent = nullptr);
    ~TicketIssuer() override;

    Backend* client() const { return client_; }
    // A ControllerClient's data directory must be set for leases.
    void setClient(Backend* client);
    QStringList services() const { return services_; }
    void setServices(const QStringList& services);
    int threshold() const { return threshold_; }
    void setThreshold(int threshold);
    int blockSize() const { return blockSize_; }
    void setBlockSize(int blockSize); // 1–200 (the protocol's limit)
    void setBusinessDayProvider(std::function<std::string()> provider);

    // Issues a ticket; `handler` is called once, never from inside issue().
    void issue(const std::string& serviceId, const LeasedIssueOptions& options,
               IssueHandler handler);
    // Checks in for a booking (docs/protocol.md, "Check-in"): by its code or by the person key
    // of an ID card; the appointment ticket, or the controller's refusal. Online only: offline
    // the outcome is errorCode "check_in_offline" at once (the booking is the controller's to
    // find).
    void checkIn(const std::string& booking, const std::string& personKey, IssueHandler handler);
    // A green-channel ticket let ahead by a staff member (docs/protocol.md, "Green channel").
    // Online only, like check-in: the staff credential is the controller's to check, and it is
    // sent once and never kept (no outbox, no lease). Offline: "green_channel_offline" at once.
    void issueGreen(const std::string& serviceId, const std::string& category,
                    protocol::StaffCredential staff, IssueHandler handler);
    // QML: the outcome comes by issued() or issueFailed().
    Q_INVOKABLE void issue(const QString& serviceId);

    int available(const std::string& serviceId);
    std::string businessDay();
    LeasePool& pool();
    // Asks for leases where a pool is low (also done on reconnect, after each issue and every
    // minute).
    Q_INVOKABLE void replenish();

Q_SIGNALS:
    void clientChanged();
    void settingsChanged();
    void issued(const QString& serviceId, const QString& number, bool offline);
    void issueFailed(const QString& serviceId, const QString& code, const QString& message);
    void leaseGranted(const QString& serviceId, int numbers);

private:
    // An online answer as an outcome; `serviceId` until the ticket names its own.
    static IssueOutcome answered(const protocol::Response& response, std::string serviceId);
    void attachPool();
    void issueLeased(const std::string& serviceId, const LeasedIssueOptions& options,
                     IssueHandler handler);
    void requestLease(const std::string& serviceId);

    // The client as a ControllerClient (leases), or null for a backend without a controller.
    ControllerClient* controller() const;

    QPointer<Backend> client_;
    std::unique_ptr<LeasePool> pool_;
    QStringList services_;
    int threshold_ = 10;
    int blockSize_ = 30;
    std::function<std::string()> businessDay_;
    struct LeaseRequest {
        std::string id; // kept until answered, so a retry is the same request
        bool inFlight = false;
    };
    std::map<std::string, LeaseRequest> leaseRequests_; // by service
    QTimer replenishTimer_;
};

} // namespace hall::client
