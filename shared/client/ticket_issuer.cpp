#include "shared/client/ticket_issuer.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcIssuer, "hall.client.issuer")

namespace hall::client {

using namespace std::chrono_literals;

TicketIssuer::TicketIssuer(QObject* parent) : QObject(parent) {
    replenishTimer_.setInterval(60'000);
    connect(&replenishTimer_, &QTimer::timeout, this, &TicketIssuer::replenish);
    replenishTimer_.start();
}

TicketIssuer::~TicketIssuer() = default;

void TicketIssuer::setClient(Backend* client) {
    if (client == client_) return;
    if (client_) client_->disconnect(this);
    client_ = client;
    attachPool();
    if (client_) {
        connect(client_, &Backend::connectionStateChanged, this, [this] {
            if (client_ && client_->online()) replenish();
        });
        // A new data directory is a new database: the pool follows it.
        if (auto* controller = this->controller())
            connect(controller, &ControllerClient::settingsChanged, this,
                    &TicketIssuer::attachPool);
    }
    Q_EMIT clientChanged();
    replenish();
}

void TicketIssuer::attachPool() {
    pool_.reset();
    leaseRequests_.clear();
    auto* controller = this->controller();
    if (!controller || controller->dataDir().isEmpty()) return;
    try {
        pool_ = std::make_unique<LeasePool>(controller->database(), controller->outbox());
    } catch (const std::exception& e) {
        qCWarning(lcIssuer) << "no lease pool:" << e.what();
    }
}

ControllerClient* TicketIssuer::controller() const {
    return qobject_cast<ControllerClient*>(client_.data());
}

void TicketIssuer::setServices(const QStringList& services) {
    if (services == services_) return;
    services_ = services;
    Q_EMIT settingsChanged();
    replenish();
}

void TicketIssuer::setThreshold(int threshold) {
    threshold = std::max(0, threshold);
    if (threshold == threshold_) return;
    threshold_ = threshold;
    Q_EMIT settingsChanged();
}

void TicketIssuer::setBlockSize(int blockSize) {
    blockSize = std::clamp(blockSize, 1, core::kMaxLeaseCount);
    if (blockSize == blockSize_) return;
    blockSize_ = blockSize;
    Q_EMIT settingsChanged();
}

void TicketIssuer::setBusinessDayProvider(std::function<std::string()> provider) {
    businessDay_ = std::move(provider);
}

LeasePool& TicketIssuer::pool() {
    if (!pool_) throw std::logic_error("TicketIssuer: no client");
    return *pool_;
}

std::string TicketIssuer::businessDay() {
    if (businessDay_) return businessDay_();
    return pool_ ? pool_->newestBusinessDay() : std::string();
}

int TicketIssuer::available(const std::string& serviceId) {
    const std::string day = businessDay();
    return pool_ && !day.empty() ? pool_->available(serviceId, day) : 0;
}

void TicketIssuer::replenish() {
    if (!client_ || !pool_ || !client_->online()) return;
    const std::string day = businessDay();
    if (!day.empty()) pool_->dropExpired(day);
    for (const auto& service : services_) {
        const std::string id = service.toStdString();
        if (available(id) < threshold_) requestLease(id);
    }
}

void TicketIssuer::requestLease(const std::string& serviceId) {
    auto& request = leaseRequests_[serviceId];
    if (request.inFlight) return;
    if (request.id.empty()) request.id = newRequestId();
    request.inFlight = true;
    const std::string requestId = request.id;
    // Only with a pool, which only a ControllerClient has (replenish checks it).
    controller()->sendRequest(
        protocol::Request{requestId, core::LeaseNumbers{serviceId, blockSize_, {}}},
        [this, serviceId, requestId](const protocol::Response& response) {
            auto& pending = leaseRequests_[serviceId];
            pending.inFlight = false;
            if (response.ok()) {
                if (const auto* result =
                        std::get_if<protocol::LeaseResult>(&std::get<0>(response.outcome))) {
                    try {
                        pool_->addLease(result->lease, QDateTime::currentMSecsSinceEpoch());
                    } catch (const store::StoreError& e) {
                        // Granted but not stored (the disk refused it): the id is kept, so the
                        // next replenish gets this same lease back instead of a second block.
                        qCWarning(lcIssuer) << "lease for" << QString::fromStdString(serviceId)
                                            << "not stored:" << e.what();
                        return;
                    }
                    pending.id.clear();
                    Q_EMIT leaseGranted(QString::fromStdString(serviceId),
                                        static_cast<int>(result->lease.numbers.size()));
                    return;
                }
                pending.id.clear();
                return;
            }
            const auto& error = std::get<protocol::Error>(response.outcome);
            // No answer: the same id next time (the controller grants a block once per id).
            if (Outbox::isDefinitive(error.code)) pending.id.clear();
            qCInfo(lcIssuer) << "lease for" << QString::fromStdString(serviceId)
                             << "not granted:" << QString::fromStdString(error.code);
        });
}

void TicketIssuer::issue(const QString& serviceId) {
    const QString service = serviceId;
    issue(serviceId.toStdString(), {}, [this, service](const IssueOutcome& outcome) {
        if (outcome.ok)
            Q_EMIT issued(service, QString::fromStdString(outcome.number), outcome.offline);
        else
            Q_EMIT issueFailed(service, QString::fromStdString(outcome.errorCode),
                               QString::fromStdString(outcome.message));
    });
}

void TicketIssuer::issue(const std::string& serviceId, const LeasedIssueOptions& options,
                         IssueHandler handler) {
    if (!client_ || !client_->online()) {
        QTimer::singleShot(0, this, [this, serviceId, options, handler = std::move(handler)] {
            issueLeased(serviceId, options, handler);
        });
        return;
    }
    core::IssueTicket command;
    command.serviceId = serviceId;
    command.priority = options.priority;
    command.greenCategory = options.greenCategory;
    command.appointment = options.appointment;
    command.personKey = options.personKey;
    client_->send(command, [this, serviceId, options,
                            handler = std::move(handler)](const protocol::Response& response) {
        if (!response.ok() && std::get<protocol::Error>(response.outcome).code == "offline") {
            // Not sent at all (the link went down in between): the lease is the way.
            issueLeased(serviceId, options, handler);
            return;
        }
        // timeout / connection_lost: the ticket may exist; the citizen asks again, and the
        // next attempt (offline by then) comes from the lease.
        handler(answered(response, serviceId));
        replenish();
    });
}

void TicketIssuer::checkIn(const std::string& booking, const std::string& personKey,
                           IssueHandler handler) {
    if (!client_ || !client_->online()) {
        // The booking is the controller's: there is nothing to check in against offline.
        QTimer::singleShot(0, this, [handler = std::move(handler)] {
            IssueOutcome outcome;
            outcome.errorCode = "check_in_offline";
            outcome.message = "check-in needs the controller";
            handler(outcome);
        });
        return;
    }
    client_->send(protocol::CheckInRequest{booking, personKey},
                  [this, handler = std::move(handler)](const protocol::Response& response) {
                      handler(answered(response, {}));
                  });
}

void TicketIssuer::issueGreen(const std::string& serviceId, const std::string& category,
                              protocol::StaffCredential staff, IssueHandler handler) {
    if (!client_ || !client_->online()) {
        QTimer::singleShot(0, this, [handler = std::move(handler)] {
            IssueOutcome outcome;
            outcome.errorCode = "green_channel_offline";
            outcome.message = "the green channel needs the controller";
            handler(outcome);
        });
        return;
    }
    client_->send(
        protocol::GreenTicketRequest{serviceId, category, std::move(staff)},
        [this, serviceId, handler = std::move(handler)](const protocol::Response& response) {
            handler(answered(response, serviceId));
        });
}

IssueOutcome TicketIssuer::answered(const protocol::Response& response, std::string serviceId) {
    IssueOutcome outcome;
    outcome.serviceId = std::move(serviceId);
    outcome.requestId = response.id;
    if (response.ok()) {
        const auto* result = std::get_if<protocol::CommandResult>(&std::get<0>(response.outcome));
        if (result && result->ticket) {
            outcome.ok = true;
            outcome.serviceId = result->ticket->serviceId;
            outcome.number = result->ticket->number;
            outcome.ticketId = result->ticket->id;
            outcome.ahead = result->ahead;
            outcome.estimatedWaitMs = result->estimatedWaitMs;
        } else {
            outcome.errorCode = "bad_result";
            outcome.message = "answered without a ticket";
        }
        return outcome;
    }
    const auto& error = std::get<protocol::Error>(response.outcome);
    outcome.errorCode = error.code;
    outcome.message = error.message;
    // duplicate_person, already_checked_in: the number the person or the booking holds.
    if (error.ticket) outcome.heldNumber = error.ticket->number;
    return outcome;
}

void TicketIssuer::issueLeased(const std::string& serviceId, const LeasedIssueOptions& options,
                               IssueHandler handler) {
    IssueOutcome outcome;
    outcome.serviceId = serviceId;
    outcome.offline = true;
    if (!pool_) {
        outcome.errorCode = "no_leased_numbers";
        outcome.message = "no leased numbers: this backend has no controller to lease from";
        handler(outcome);
        return;
    }
    const std::string day = businessDay();
    try {
        const std::string requestId = newRequestId();
        auto ticket = day.empty() ? std::nullopt
                                  : pool_->issue(serviceId, day, options,
                                                 QDateTime::currentMSecsSinceEpoch(), requestId);
        if (!ticket) {
            outcome.errorCode = "no_leased_numbers";
            outcome.message = "no leased numbers left for this service";
        } else {
            outcome.ok = true;
            outcome.number = ticket->number;
            outcome.requestId = ticket->requestId;
            controller()->outboxWritten();
        }
    } catch (const OutboxFull& e) {
        outcome.errorCode = "outbox_full";
        outcome.message = e.what();
    } catch (const store::StoreError& e) {
        // The disk refused the transaction (an I/O error, a full disk, a failed sync): the number
        // is not recorded as used, so it must not be printed, and the app must keep running to
        // tell the citizen. An exception would escape through Qt's event loop instead.
        qCWarning(lcIssuer) << "offline ticket not recorded:" << e.what();
        outcome.errorCode = "storage_error";
        outcome.message = e.what();
    }
    handler(outcome);
}

} // namespace hall::client
