#pragma once
// A recorder of everything the identification service signals (waiting: qt_event_wait.h).

#include "tests/support/qt_event_wait.h"
#include "shared/client/identification_service.h"

#include <QCoreApplication>
#include <QThread>
#include <vector>

namespace identification_test {

using hall::testing::spin;
using hall::testing::waitUntil;
using namespace std::chrono_literals;

struct Failure {
    QString source, code, citizen, technician;
};

struct Recorder {
    std::vector<hall::client::IdentifiedPerson> persons;
    std::vector<Failure> failures;
    std::vector<std::pair<QString, QString>> statuses; // device, state
    std::vector<QString> reading;
    std::vector<QString> wiped;
    int sessionChanges = 0;
    int devicesChanges = 0;
    bool allOnMainThread = true;

    explicit Recorder(hall::client::IdentificationService& s) {
        using S = hall::client::IdentificationService;
        QObject::connect(&s, &S::personIdentified, [this](const hall::client::IdentifiedPerson& p) {
            here();
            persons.push_back(p);
        });
        QObject::connect(&s, &S::identificationFailed,
                         [this](const QString& source, const QString& code, const QString& citizen,
                                const QString& technician) {
                             here();
                             failures.push_back({source, code, citizen, technician});
                         });
        QObject::connect(&s, &S::deviceStatusChanged,
                         [this](const QString& device, const QString& state) {
                             here();
                             statuses.emplace_back(device, state);
                         });
        QObject::connect(&s, &S::readingStarted, [this](const QString& source) {
            here();
            reading.push_back(source);
        });
        QObject::connect(&s, &S::sessionWiped, [this](const QString& reason) {
            here();
            wiped.push_back(reason);
        });
        QObject::connect(&s, &S::sessionChanged, [this] { ++sessionChanges; });
        QObject::connect(&s, &S::devicesChanged, [this] { ++devicesChanges; });
    }

    void here() {
        if (QThread::currentThread() != QCoreApplication::instance()->thread())
            allOnMainThread = false;
    }

    bool hasStatus(const QString& state) const {
        for (const auto& s : statuses)
            if (s.second == state) return true;
        return false;
    }
    std::size_t countStatus(const QString& state) const {
        std::size_t n = 0;
        for (const auto& s : statuses)
            if (s.second == state) ++n;
        return n;
    }
    const Failure* failure(const QString& code) const {
        for (const auto& f : failures)
            if (f.code == code) return &f;
        return nullptr;
    }
};

} // namespace identification_test
