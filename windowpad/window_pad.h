#pragma once
// What this window pad shows: the clerk's face (呼叫器), the citizen's face (评价器) or both,
// from `--face clerk|citizen|both` (default both: two windows, one on each of the box's two
// screens). The clerk's and the citizen's desks live here, one per pad; both follow the
// controller's view of the window (a visit that ended there asks the citizen for a rating, a
// call wipes what the citizen face held), so either face also works on a box of its own.
// QML reads it as the singleton `Pad`.
//
// On the mock (--mock, --self-test, --screenshot) the pad stands in for window 1's pad, so the
// controller's role checks apply as they would to the real one.

#include "shared/client/keypad_input.h"
#include "shared/ui/app/app_spec.h"
#include "windowpad/clerk_desk.h"
#include "windowpad/confirmation_desk.h"
#include "windowpad/document_camera.h"
#include "windowpad/evaluation_desk.h"

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

class QCommandLineParser;
class QJSEngine;
class QQmlEngine;

namespace hall::windowpad {

class WindowPad : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Pad)
    QML_SINGLETON
    Q_PROPERTY(QString face READ face CONSTANT) // "clerk", "citizen", "both"
    Q_PROPERTY(hall::windowpad::ClerkDesk* clerk READ clerk CONSTANT)
    Q_PROPERTY(hall::windowpad::EvaluationDesk* evaluation READ evaluation CONSTANT)
    Q_PROPERTY(hall::windowpad::ConfirmationDesk* confirmation READ confirmation CONSTANT)
    // The document camera (高拍仪) at the window; Closed until a source is named.
    Q_PROPERTY(hall::windowpad::DocumentCamera* camera READ camera CONSTANT)

public:
    static void addOptions(QCommandLineParser& parser);
    static bool setUp(ui::AppContext& app); // reads --face; wires the desks to the backend
    static WindowPad* create(QQmlEngine* engine, QJSEngine*);
    // The hardware keys work as the screens' own touches: a caller keypad's keys are the clerk
    // desk's actions, an evaluator's the citizen's levels.
    static void listenToKeys(client::KeypadInput& keys, ClerkDesk& clerk,
                             EvaluationDesk& evaluation);

    QString face() const { return face_; }
    ClerkDesk* clerk() { return &clerk_; }
    EvaluationDesk* evaluation() { return &evaluation_; }
    ConfirmationDesk* confirmation() { return &confirmation_; }
    DocumentCamera* camera() const { return camera_; }
    // The clerk: ask the citizen to confirm the visit and sign, with the pages the camera has
    // captured (then gone from the camera: the confirmation holds them until they are filed).
    Q_INVOKABLE bool askToSign();

private:
    explicit WindowPad(QObject* parent);

    QString face_ = QStringLiteral("both");
    ClerkDesk clerk_;
    EvaluationDesk evaluation_;
    ConfirmationDesk confirmation_;
    DocumentCamera* camera_ = nullptr; // the engine's (DocumentCamera::install)
};

} // namespace hall::windowpad
