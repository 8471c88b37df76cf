import QtQuick
import QtQuick.Layouts
import Hall.Ui
import Hall.App
import Hall.Windowpad

// The clerk's face (呼叫器), a 10" pad used all day: the window and who is signed in at the
// top; the ticket in front of the clerk large on the left with its wait and serving time; the
// next sensible action largest on the right ("办结并叫下一位" while serving, "叫号" when idle),
// the rest one touch each below it; the window's queues at the bottom, live. Keyboard: F1 call
// next, F2 recall, F3 start, F4 finish and call next, F5 no-show, F6 pause/resume.
Item {
    id: screen

    readonly property ClerkDesk desk: Pad.clerk
    readonly property var ticket: desk.ticket
    readonly property date now: Terminal.clock.now

    function minutesSince(at) {
        if (!at || isNaN(at.getTime())) return 0
        return Math.max(0, Math.floor((now.getTime() - at.getTime()) / 60000))
    }
    // Also for the screenshots: the transfer choice, with the keyboard up for its note.
    function chooseTransfer(typing) {
        transferChoice.open()
        transferChoice.typing = typing === true
    }
    // Also for the screenshots: calling a given number, with digits already typed.
    function enterNumber(digits) {
        callNumberEntry.open(digits)
    }
    // The document camera over the screen while the clerk scans the citizen's papers.
    property bool scanning: false
    function outcomeName(o) {
        return o === "completed" ? qsTr("Completed") : o === "needs_documents" ? qsTr("Needs documents")
             : o === "rejected" ? qsTr("Not accepted") : o === "referred" ? qsTr("Referred") : o
    }

    focus: true
    Keys.onPressed: (event) => {
        const keys = { [Qt.Key_F1]: "call_next", [Qt.Key_F2]: "recall", [Qt.Key_F3]: "start",
                       [Qt.Key_F5]: "no_show", [Qt.Key_F6]: "pause" }
        if (event.key === Qt.Key_F4) { desk.finishAndCallNext(); event.accepted = true }
        else if (keys[event.key]) event.accepted = desk.keypadKey(keys[event.key])
    }

    Rectangle { anchors.fill: parent; color: Theme.background }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        // --- the window and the clerk ----------------------------------------------------
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Heading {
                Layout.fillWidth: true
                Layout.maximumWidth: implicitWidth
                elide: Text.ElideRight
                wrapMode: Text.NoWrap
                text: desk.windowName.length > 0 ? qsTr("Window %1 · %2").arg(desk.window).arg(desk.windowName)
                                                 : qsTr("Window %1").arg(desk.window)
            }
            // The texts of this row give way (elided) when it is too long — English, elder
            // mode — so the row, and the screen under it, never runs past the right edge.
            BodyText {
                visible: desk.signedIn
                Layout.fillWidth: true
                Layout.maximumWidth: implicitWidth
                elide: Text.ElideRight
                wrapMode: Text.NoWrap
                text: qsTr("%1 (No. %2)").arg(desk.staffName).arg(desk.staffNumber)
                color: Theme.secondaryText
            }
            Item { Layout.fillWidth: true }
            BodyText {
                Layout.fillWidth: true
                Layout.maximumWidth: implicitWidth
                elide: Text.ElideRight
                wrapMode: Text.NoWrap
                text: qsTr("Served today %1 · typical %2 min").arg(desk.servedToday).arg(desk.typicalServiceMinutes)
                color: Theme.secondaryText
            }
            BodyText {
                visible: desk.pending > 0
                text: qsTr("%n action(s) waiting to be sent", "", desk.pending)
                color: Theme.danger
            }
            LanguageSwitch {}
            ElderModeSwitch {}
            TouchButton {
                objectName: "signOutButton"
                visible: desk.signedIn
                kind: "secondary"
                text: qsTr("Sign out")
                enabled: !desk.hasTicket && !desk.busy
                onClicked: desk.signOut()
            }
            // The technician menu's hidden corner (five taps) lies over the top right: no
            // button there, or its taps would open the gesture instead.
            Item { implicitWidth: 96 - Theme.spacing }
        }
        OfflineBanner {
            Layout.fillWidth: true
            connectionState: Terminal.backend.connectionStateName
            offlineSince: Terminal.backend.offlineSince
            detail: qsTr("Finish, no-show and pause are kept here and sent later; calling needs the server.")
        }
        ErrorBanner {
            Layout.fillWidth: true
            shown: desk.message.length > 0
            message: desk.message
            onDismissed: desk.clearMessage()
        }

        Loader {
            Layout.fillWidth: true
            Layout.fillHeight: true
            sourceComponent: desk.signedIn ? working : signingIn
        }
    }

    // --- the choices an action needs --------------------------------------------------------
    ClerkChoice {
        id: parkChoice
        anchors.fill: parent
        title: qsTr("Park %1: back in").arg(screen.ticket.number || "")
        options: [5, 10, 15, 30, 60].map(m => ({ label: qsTr("%1 min").arg(m), value: m }))
        onChosen: (minutes) => desk.park(minutes)
    }
    ClerkChoice {
        id: transferChoice
        anchors.fill: parent
        title: qsTr("Transfer %1 to").arg(screen.ticket.number || "")
        toggleText: qsTr("Return to me after")
        notePlaceholder: qsTr("A note for the next window (optional)")
        options: desk.transferTargets.map(t => ({
            label: t.window > 0 ? qsTr("Window %1 · %2").arg(t.window).arg(t.name) : t.name,
            value: t }))
        onChosen: (target) => desk.transfer(target.service, target.window, transferChoice.note, transferChoice.toggled)
    }
    ClerkChoice {
        id: finishChoice
        anchors.fill: parent
        title: qsTr("Finish %1 as").arg(screen.ticket.number || "")
        notePlaceholder: qsTr("A note on the visit (optional)")
        noteLength: 150
        options: desk.outcomes.map(o => ({ label: screen.outcomeName(o), value: o }))
        onChosen: (outcome) => desk.finish(outcome, finishChoice.note)
    }
    ClerkChoice {
        id: pauseChoice
        anchors.fill: parent
        title: qsTr("Pause the window: why?")
        options: desk.pauseReasons.map(r => ({ label: r, value: r }))
        onChosen: (reason) => desk.pause(reason)
    }

    ClerkCallNumber {
        id: callNumberEntry
        anchors.fill: parent
    }

    Component {
        id: signingIn
        ClerkSignIn { desk: screen.desk }
    }

    Component {
        id: working
        RowLayout {
            spacing: Theme.spacing

            // --- the ticket in front of the clerk -------------------------------------------
            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 5
                color: Theme.surface
                radius: Theme.radius
                border.color: Theme.border
                border.width: 1

                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: Theme.spacing * 2
                    spacing: Theme.spacing
                    visible: desk.hasTicket
                    BodyText {
                        text: ticket.state === "serving" ? qsTr("Serving") : qsTr("Called, waiting for the citizen")
                        color: Theme.secondaryText
                    }
                    Text {
                        objectName: "currentNumber"
                        text: ticket.number || ""
                        font.family: Theme.fontFamily
                        font.pointSize: Theme.headingPointSize * 3
                        font.bold: true
                        color: Theme.primary
                    }
                    Heading { text: ticket.service || "" }
                    BodyText {
                        text: qsTr("Waited %1 min").arg(minutesSince(ticket.issuedAt))
                              + (ticket.state === "serving" ? qsTr(" · serving %1 min").arg(minutesSince(ticket.servingSince)) : "")
                    }
                    BodyText {
                        visible: ticket.priority === "green_channel" || ticket.priority === "appointment"
                        text: ticket.priority === "appointment" ? qsTr("Appointment")
                              : qsTr("Green channel: %1").arg(ticket.greenCategory)
                        color: Theme.success
                        font.bold: true
                    }
                    BodyText {
                        visible: (ticket.transferNote || "").length > 0
                        text: qsTr("Note from the last window: %1").arg(ticket.transferNote)
                        color: Theme.danger
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    BodyText {
                        objectName: "citizenIdentity"
                        visible: ticket.identified === true
                        text: desk.citizen.name ? qsTr("Identified: %1, %2").arg(desk.citizen.name).arg(desk.citizen.idNumber)
                                                : qsTr("Citizen identified by ID card")
                        color: Theme.secondaryText
                    }
                    BodyText {
                        objectName: "signatureState"
                        visible: Pad.confirmation.stage !== ConfirmationDesk.Idle
                        text: Pad.confirmation.stage === ConfirmationDesk.Signed ? qsTr("✓ Signed by the citizen")
                              : qsTr("Waiting for the citizen's signature…")
                        color: Pad.confirmation.stage === ConfirmationDesk.Signed ? Theme.success : Theme.secondaryText
                    }
                    Item { Layout.fillHeight: true }
                }
                ColumnLayout {
                    anchors.centerIn: parent
                    visible: !desk.hasTicket
                    Heading {
                        Layout.alignment: Qt.AlignHCenter
                        text: desk.paused ? qsTr("Paused: %1").arg(desk.pauseReason)
                              : desk.ratingWaitSeconds > 0 ? qsTr("The citizen is rating")
                              : desk.waiting > 0 ? qsTr("%n waiting", "", desk.waiting)
                                                 : qsTr("Nobody waiting")
                    }
                    BodyText {
                        Layout.alignment: Qt.AlignHCenter
                        visible: desk.ratingWaitSeconds > 0
                        text: qsTr("The next citizen is called when they have rated, at the latest in %n s.", "", desk.ratingWaitSeconds)
                        color: Theme.secondaryText
                    }
                }
            }

            // --- actions: the next sensible one largest --------------------------------------
            ColumnLayout {
                Layout.fillWidth: true // with the ticket's panel: 5 : 4 of the width
                Layout.fillHeight: true
                Layout.preferredWidth: 4
                spacing: Theme.spacing

                TouchButton {
                    objectName: "mainAction"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget * 2
                    textScale: 1.4
                    kind: desk.hasTicket ? "success" : "primary"
                    enabled: !desk.busy && (!desk.callLocked || desk.ratingWaitSeconds > 0) && !desk.paused
                    text: desk.ratingWaitSeconds > 0 ? qsTr("Call next now")
                          : !desk.hasTicket ? qsTr("Call next")
                          : ticket.state === "called" ? qsTr("Citizen arrived: start")
                                                      : qsTr("Finish and call next")
                    onClicked: desk.ratingWaitSeconds > 0 ? desk.callNow()
                               : !desk.hasTicket ? desk.callNext(false)
                               : ticket.state === "called" ? desk.start() : desk.finishAndCallNext()
                }
                GridLayout {
                    Layout.fillWidth: true
                    columns: 3
                    rowSpacing: Theme.spacing / 2
                    columnSpacing: Theme.spacing / 2
                    ClerkAction { text: qsTr("Recall"); enabled: desk.hasTicket && ticket.state === "called" && !desk.callLocked; onClicked: desk.recall(false) }
                    ClerkAction { text: qsTr("No-show"); enabled: desk.hasTicket && ticket.state === "called"; onClicked: desk.noShow() }
                    ClerkAction { text: qsTr("Undo call"); enabled: desk.hasTicket && ticket.state === "called"; onClicked: desk.undo() }
                    ClerkAction { text: qsTr("Park"); enabled: desk.hasTicket; onClicked: parkChoice.open() }
                    ClerkAction { text: qsTr("Transfer"); enabled: desk.hasTicket; onClicked: transferChoice.open() }
                    ClerkAction { text: qsTr("Finish…"); enabled: desk.hasTicket; onClicked: finishChoice.open() }
                    ClerkAction {
                        objectName: "scanDocuments"
                        text: Pad.camera.pageCount > 0 ? qsTr("Scan (%1 pages)").arg(Pad.camera.pageCount) : qsTr("Scan documents")
                        enabled: desk.hasTicket
                        onClicked: screen.scanning = true
                    }
                    ClerkAction {
                        objectName: "askToSign"
                        text: Pad.confirmation.stage === ConfirmationDesk.Idle ? qsTr("Ask to sign") : qsTr("Cancel signing")
                        enabled: desk.hasTicket
                        onClicked: Pad.confirmation.stage === ConfirmationDesk.Idle ? Pad.askToSign()
                                                                                    : Pad.confirmation.cancel()
                    }
                    ClerkAction { text: qsTr("Silent call"); enabled: !desk.hasTicket && !desk.paused && !desk.callLocked; onClicked: desk.callNext(true) }
                    ClerkAction {
                        objectName: "callNumberButton"
                        text: qsTr("Call number…")
                        enabled: !desk.hasTicket && !desk.paused && !desk.callLocked
                        onClicked: callNumberEntry.open("")
                    }
                    ClerkAction {
                        text: desk.paused ? qsTr("Resume") : qsTr("Pause")
                        enabled: !desk.hasTicket
                        onClicked: desk.paused ? desk.resume() : pauseChoice.open()
                    }
                }
                BodyText { text: qsTr("Finish as"); color: Theme.secondaryText; visible: desk.hasTicket }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.spacing / 2
                    visible: desk.hasTicket
                    Repeater {
                        model: desk.outcomes
                        ClerkAction {
                            required property string modelData
                            text: screen.outcomeName(modelData)
                            onClicked: desk.finish(modelData, "")
                        }
                    }
                }
                Item { Layout.fillHeight: true }

                // --- tickets only this window calls: parked here, or sent here -------------------
                BodyText {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    elide: Text.ElideRight
                    visible: desk.held.length > 0
                    text: qsTr("Parked or sent to this window")
                    color: Theme.secondaryText
                }
                Repeater {
                    model: desk.held.length
                    RowLayout {
                        required property int index
                        readonly property var modelData: desk.held[index] || ({})
                        readonly property bool parked: modelData.parkedUntil !== undefined && !isNaN(modelData.parkedUntil.getTime())
                        objectName: "held" + index
                        Layout.fillWidth: true
                        BodyText { text: modelData.number || ""; font.bold: true }
                        BodyText {
                            Layout.fillWidth: true
                            Layout.preferredWidth: 1 // the room left, never wider: it elides
                            elide: Text.ElideRight
                            text: parked ? qsTr("parked, back at %1").arg(Qt.formatTime(modelData.parkedUntil, "HH:mm"))
                                         : (modelData.note || "").length > 0 ? qsTr("sent here: %1").arg(modelData.note)
                                                                              : qsTr("sent here")
                            color: Theme.secondaryText
                        }
                        ClerkAction {
                            objectName: "callBack" + index
                            Layout.fillWidth: false
                            Layout.preferredWidth: implicitWidth
                            text: qsTr("Call back")
                            enabled: !desk.hasTicket && !desk.paused && !desk.callLocked
                            onClicked: desk.callNumber(modelData.number, "")
                        }
                    }
                }

                // --- the window's queues, live ------------------------------------------------
                // One row per service the window serves; the rows stay and their texts follow
                // the counts (a Repeater would rebuild every row at each change of a list model).
                Repeater {
                    model: desk.queues.length
                    RowLayout {
                        required property int index
                        readonly property var modelData: desk.queues[index] || ({})
                        Layout.fillWidth: true
                        BodyText { text: modelData.name; Layout.fillWidth: true; elide: Text.ElideRight }
                        BodyText { text: qsTr("%n waiting", "", modelData.waiting); font.bold: true }
                        BodyText {
                            visible: modelData.waiting > 0
                            text: qsTr("longest %1 min").arg(screen.minutesSince(modelData.waitingSince))
                            color: screen.minutesSince(modelData.waitingSince) >= 30 ? Theme.danger : Theme.secondaryText
                        }
                    }
                }
            }
        }
    }

    // --- the document camera, over everything but the technician menu ------------------------
    Rectangle {
        anchors.fill: parent
        visible: screen.scanning && desk.hasTicket
        color: Theme.background
        z: 5
        ColumnLayout {
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: Theme.spacing
            DocumentCameraPanel {
                Layout.fillWidth: true
                Layout.fillHeight: true
            }
            RowLayout {
                Layout.fillWidth: true
                BodyText {
                    Layout.fillWidth: true
                    text: qsTr("The pages go to the citizen with “Ask to sign”.")
                    color: Theme.secondaryText
                }
                TouchButton {
                    objectName: "scanDone"
                    text: qsTr("Done")
                    onClicked: screen.scanning = false
                }
            }
        }
    }
}
