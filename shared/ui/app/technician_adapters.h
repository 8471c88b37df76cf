#pragma once
// The technician menu's interfaces (shared/technician) implemented on Hall.Client, as every
// terminal app wires them (TerminalApp, technician_config.h):
//
//   BackendAuditSink        AuditSink → Backend::auditTechnician: a `technician_audit`
//                           request through the outbox, so entries made offline are not lost
//   ControllerEnrollment    Enrollment → ControllerClient::enroll(code)
//   ControllerlessEnrollment  Enrollment for a backend with no controller (the mock): refuses,
//                           saying why

#include "shared/client/controller_client.h"
#include "shared/technician/audit.h"
#include "shared/technician/enrollment.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <chrono>

namespace hall::ui {

class BackendAuditSink : public technician::AuditSink {
public:
    explicit BackendAuditSink(client::Backend& backend) : backend_(&backend) {}
    // Queues the entry (never blocks): the backend stamps it with the device clock, which is
    // the entry's own time to the millisecond since the session records synchronously.
    void record(const technician::AuditEntry& entry) override;

private:
    QPointer<client::Backend> backend_;
};

// One enrollment at a time, answered by the client's enrolledAs / enrollmentFailed. The
// client keeps trying an unreachable controller with the pending code; the menu gets an answer
// after `answerWithin` anyway, saying the attempt goes on.
class ControllerEnrollment : public QObject, public technician::Enrollment {
    Q_OBJECT

public:
    explicit ControllerEnrollment(client::ControllerClient& client,
                                  std::chrono::milliseconds answerWithin = std::chrono::seconds(30),
                                  QObject* parent = nullptr);
    ~ControllerEnrollment() override;

    // Called on the UI thread by the technician session.
    void enroll(const std::string& code,
                std::function<void(technician::EnrollmentResult)> done) override;

private:
    void finish(technician::EnrollmentResult result);

    QPointer<client::ControllerClient> client_;
    std::function<void(technician::EnrollmentResult)> pending_;
    QTimer deadline_;
};

class ControllerlessEnrollment : public technician::Enrollment {
public:
    void enroll(const std::string& code,
                std::function<void(technician::EnrollmentResult)> done) override;
};

} // namespace hall::ui
