#pragma once
// 确认签名: the clerk asks the citizen to confirm what the window has done for them and to sign.
//
//   Idle ──askToSign() (clerk)──▶ Signing ──sign() (citizen)──▶ Sending ──stored──▶ Signed
//    ▲                              │  ▲                           │ refused / offline   │
//    │                              │  └──── message, sign again ──┘                     │
//    └──── cancel() (clerk), the next call to the window, Signed after kSignedSeconds ───┘
//
// What is confirmed is the visit in front of the clerk (the window's current ticket): its
// service, number and the pages the document camera just scanned, if any. The citizen signs on
// the SignaturePad (`strokes`, kept as vector data while they sign); sign() renders it to a PNG
// and hands the scan (PDF) and the signature to the controller's attachment store, tied to the
// ticket. Both are personal data: online only (never in the outbox or on this box's disk), the
// strokes and the scan wiped here as soon as the controller has them, and everything forgotten
// when the clerk cancels or the next ticket is called.

#include "shared/client/backend.h"
#include "shared/ui/signature_strokes.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <optional>

namespace hall::windowpad {

class ConfirmationDesk : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the pad owns it: Pad.confirmation")
    Q_PROPERTY(Stage stage READ stage NOTIFY stageChanged)
    Q_PROPERTY(QString number READ number NOTIFY stageChanged)
    // What the citizen confirms, one line each: the service, the number, the pages scanned.
    Q_PROPERTY(QStringList summary READ summary NOTIFY stageChanged)
    Q_PROPERTY(int pages READ pages NOTIFY stageChanged)
    Q_PROPERTY(QString message READ message NOTIFY stageChanged)
    // The citizen face's SignaturePad strokes (bound from QML): cleared here with the rest.
    Q_PROPERTY(
        hall::ui::SignatureStrokes* strokes READ strokes WRITE setStrokes NOTIFY strokesChanged)

public:
    enum class Stage { Idle, Signing, Sending, Signed };
    Q_ENUM(Stage)
    static constexpr int kSignedSeconds = 5;

    explicit ConfirmationDesk(QObject* parent = nullptr);
    ~ConfirmationDesk() override;

    void setBackend(client::Backend* backend);
    Stage stage() const { return stage_; }
    QString number() const { return number_; }
    QStringList summary() const { return summary_; }
    int pages() const { return pages_; }
    QString message() const { return message_; }
    ui::SignatureStrokes* strokes() const { return strokes_; }
    void setStrokes(ui::SignatureStrokes* strokes);

    // The clerk: ask the citizen at the window to confirm and sign; `scan` the pages the
    // document camera captured as one PDF (empty: none). False, with a message, when there is no
    // visit at the window.
    bool askToSign(QByteArray scan = {}, int pages = 0);
    // The citizen: sign with what the pad holds. False while it is not yet a signature.
    Q_INVOKABLE bool sign();
    Q_INVOKABLE void cancel(); // the clerk takes it back

Q_SIGNALS:
    void stageChanged();
    void strokesChanged();
    // Another ticket was called to the window: whatever was gathered for the last one goes.
    void nextVisit();

private:
    void setStage(Stage stage);
    void upload(const QString& kind, const QString& type, QByteArray bytes,
                std::function<void()> next);
    void refused(const QString& code);
    void forget();
    void followWindow(); // the next call forgets the last citizen

    QPointer<client::Backend> backend_;
    QPointer<ui::SignatureStrokes> strokes_;
    Stage stage_ = Stage::Idle;
    quint64 ticket_ = 0;
    QString number_;
    QStringList summary_;
    int pages_ = 0;
    QByteArray scan_;
    QString message_;
    std::optional<quint64> seenCurrent_;
    QTimer done_;
};

} // namespace hall::windowpad
