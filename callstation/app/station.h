#pragma once
// Which terminal this box is: a ticket machine (排队机) or a zone's call board (叫号显示屏).
// `--role ticket-machine|call-board` decides; without it, the role the controller enrolled the
// device with (ticket_machine, call_board; a kiosk issues tickets like a ticket machine);
// before enrolment, a ticket machine. QML reads it as the singleton `Station`.
//
// It also gives a board its voice (call_voice.h): the call announcer the technician settings
// name, opened anew when they change, speaking the voice pack of $HALL_VOICE_PACK (default: the
// zh-CN pack the build generates).

#include "callstation/app/call_voice.h"
#include "shared/client/backend.h"
#include "shared/ui/app/app_spec.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <filesystem>

class QCommandLineParser;
class QJSEngine;
class QQmlEngine;

namespace hall::callstation {

class Station : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString role READ role NOTIFY roleChanged) // "ticket-machine", "call-board"

public:
    static void addOptions(QCommandLineParser& parser);
    // After the terminal app is built: reads --role (refused with a message when unknown) and
    // follows the backend's enrolled role when none was given.
    static bool setUp(ui::AppContext& app);
    static Station* create(QQmlEngine* engine, QJSEngine*);

    QString role() const;
    // "ticket_machine" → "ticket-machine"; empty when the protocol role has no screen here.
    static QString roleForDevice(const QString& protocolRole);

Q_SIGNALS:
    void roleChanged();

private:
    explicit Station(QObject* parent) : QObject(parent) {}
    void openAnnouncer(const std::filesystem::path& settingsFile);

    QString forced_; // from --role
    QPointer<client::Backend> backend_;
    CallVoice* voice_ = nullptr; // child
};

} // namespace hall::callstation
