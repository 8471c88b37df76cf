#pragma once
// Which terminal this box is: a ticket machine (排队机), a zone's call board (叫号显示屏) or an
// LED box (one window's strip drawn on an LED screen that a video box feeds).
// `--role ticket-machine|call-board|led-box` decides; without it, the role the controller
// enrolled the device with (ticket_machine, call_board, led_bridge; a kiosk issues tickets like a
// ticket machine); before enrolment, a ticket machine. QML reads it as the singleton `Station`.
//
// An LED box shows `--window N` (default: the window it was enrolled with, else 1) at
// `--led-size 192x32|256x64` (the LED screen's pixels: the video box's capture area, one pixel
// per LED) with `--led-look red|tricolour` (single-colour red strips, or red/green/yellow).
//
// It also gives a board its voice (call_voice.h): the call announcer the technician settings
// name, opened anew when they change, speaking the voice pack of $HALL_VOICE_PACK (default: the
// zh-CN pack the build generates).

#include "callstation/app/call_voice.h"
#include "shared/client/backend.h"
#include "shared/ui/app/app_spec.h"

#include <QObject>
#include <QPointer>
#include <QSize>
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
    Q_PROPERTY(QString role READ role NOTIFY roleChanged) // "ticket-machine", "call-board", "led-box"
    Q_PROPERTY(int window READ window NOTIFY roleChanged)  // the LED box's window
    Q_PROPERTY(QSize ledSize READ ledSize CONSTANT)
    Q_PROPERTY(QString ledLook READ ledLook CONSTANT) // "red", "tricolour"

public:
    static void addOptions(QCommandLineParser& parser);
    // After the terminal app is built: reads --role (refused with a message when unknown) and
    // follows the backend's enrolled role when none was given.
    static bool setUp(ui::AppContext& app);
    static Station* create(QQmlEngine* engine, QJSEngine*);

    QString role() const;
    int window() const;
    QSize ledSize() const { return ledSize_; }
    QString ledLook() const { return ledLook_; }
    // "ticket_machine" → "ticket-machine"; empty when the protocol role has no screen here.
    static QString roleForDevice(const QString& protocolRole);

Q_SIGNALS:
    void roleChanged();

private:
    explicit Station(QObject* parent) : QObject(parent) {}
    void openAnnouncer(const std::filesystem::path& settingsFile);
    bool readLedOptions(const QCommandLineParser& commandLine);

    QString forced_; // from --role
    int forcedWindow_ = 0; // from --window
    QSize ledSize_{192, 32};
    QString ledLook_ = QStringLiteral("red");
    QPointer<client::Backend> backend_;
    CallVoice* voice_ = nullptr; // child
};

} // namespace hall::callstation
