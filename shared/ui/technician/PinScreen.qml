import QtQuick
import Hall.Ui
import Hall.Technician

// The technician's PIN: masked digits on the shared keypad, the attempts left before a lockout,
// and during a lockout a countdown instead of a keypad that would only be refused.
Column {
    id: screen

    property TechnicianSession session
    readonly property bool locked: session !== null && session.gate === TechnicianSession.Locked
    readonly property bool ready: session !== null && session.gate === TechnicianSession.Ready

    function minutesSeconds(total) {
        const m = Math.floor(total / 60)
        const s = total % 60
        return m + ":" + (s < 10 ? "0" : "") + s
    }

    spacing: Theme.spacing

    Heading {
        text: qsTr("Technician PIN")
    }

    BodyText {
        objectName: "pinResult"
        width: keypad.width
        visible: text.length > 0
        color: Theme.errorText
        text: screen.session ? screen.session.lastPinResult : ""
    }

    BodyText {
        objectName: "pinStatus"
        width: keypad.width
        text: {
            if (!screen.session)
                return ""
            switch (screen.session.gate) {
            case TechnicianSession.Ready:
                return qsTr("%n attempt(s) left.", "", screen.session.remainingAttempts)
            case TechnicianSession.Locked:
                return qsTr("Locked after too many wrong PINs. Try again in %1.")
                    .arg(screen.minutesSeconds(screen.session.lockSecondsRemaining))
            case TechnicianSession.NotConfigured:
                return qsTr("No technician PIN is installed on this terminal.")
            default:
                return qsTr("The technician PIN cannot be checked: %1")
                    .arg(screen.session.gateMessage)
            }
        }
    }

    NumericKeypad {
        id: keypad
        objectName: "pinKeypad"
        visible: screen.ready
        masked: true
        maxLength: 12
        minLength: 1
        placeholder: qsTr("Enter PIN")
        okText: qsTr("Open")
        onAccepted: function (value) {
            keypad.clear()
            screen.session.submitPin(value)
        }
    }

    TouchButton {
        objectName: "pinCancel"
        width: keypad.width
        kind: "secondary"
        text: qsTr("Cancel")
        onClicked: screen.session.close()
    }
}
