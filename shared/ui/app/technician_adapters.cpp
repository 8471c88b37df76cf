#include "shared/ui/app/technician_adapters.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcWiring, "hall.terminal.technician")

namespace hall::ui {

void BackendAuditSink::record(const technician::AuditEntry& entry) {
    if (!backend_) return;
    const auto action = technician::auditActionName(entry.action);
    const QString id = backend_->auditTechnician(
        QString::fromUtf8(action.data(), static_cast<qsizetype>(action.size())),
        QString::fromStdString(entry.detail));
    // auditTechnician has said why (unknown action, detail too long, outbox full); the action
    // itself is not undone: the menu must stay usable with a full outbox.
    if (id.isEmpty())
        qCWarning(lcWiring) << "technician audit entry not queued:"
                            << QString::fromUtf8(action.data(),
                                                 static_cast<qsizetype>(action.size()));
}

ControllerEnrollment::ControllerEnrollment(client::ControllerClient& client,
                                           std::chrono::milliseconds answerWithin, QObject* parent)
    : QObject(parent), client_(&client) {
    deadline_.setSingleShot(true);
    deadline_.setInterval(answerWithin);
    connect(&deadline_, &QTimer::timeout, this, [this] {
        finish({false,
                "no answer from the controller yet (" + client_->lastError().toStdString() +
                    "); the terminal keeps trying with this code",
                {},
                {}});
    });
    connect(&client, &client::ControllerClient::enrolledAs, this,
            [this](const QString& name, const QString& role) {
                finish({true, "enrolled as " + name.toStdString() + " (" + role.toStdString() + ")",
                        name.toStdString(), role.toStdString()});
            });
    connect(&client, &client::ControllerClient::enrollmentFailed, this,
            [this](const QString& code, const QString& message) {
                finish({false,
                        "enrollment refused: " + code.toStdString() + " — " + message.toStdString(),
                        {},
                        {}});
            });
}

ControllerEnrollment::~ControllerEnrollment() {
    // The session is owed exactly one answer.
    finish({false, "the app is closing", {}, {}});
}

void ControllerEnrollment::enroll(const std::string& code,
                                  std::function<void(technician::EnrollmentResult)> done) {
    // A second code replaces the first (ControllerClient keeps one pending code).
    finish({false, "replaced by a newer enrollment", {}, {}});
    if (!client_) {
        done({false, "no controller client", {}, {}});
        return;
    }
    pending_ = std::move(done);
    deadline_.start();
    client_->enroll(QString::fromStdString(code));
}

void ControllerEnrollment::finish(technician::EnrollmentResult result) {
    deadline_.stop();
    if (!pending_) return; // enrolledAs after the deadline answered: nothing owed
    auto done = std::move(pending_);
    pending_ = nullptr;
    done(std::move(result));
}

void ControllerlessEnrollment::enroll(const std::string&,
                                      std::function<void(technician::EnrollmentResult)> done) {
    done({false,
          "enrollment needs a controller: this app runs on the mock backend (--mock); start it "
          "with --controller HOST:PORT and --ca FILE",
          {},
          {}});
}

} // namespace hall::ui
