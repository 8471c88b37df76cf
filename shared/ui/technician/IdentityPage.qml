import QtQuick
import QtQuick.Controls
import Hall.Ui
import Hall.Technician

// Who this terminal is to the controller, and enrollment with the one-time code an administrator
// created for it (docs/protocol.md `enroll`). The code is passed on and never shown again.
Column {
    id: page

    property TechnicianSession session
    property string error

    spacing: Theme.spacing

    Heading {
        text: qsTr("Identity")
    }
    BodyText {
        width: page.width
        text: qsTr("Device name: %1").arg(page.session && page.session.deviceName.length > 0
                                           ? page.session.deviceName : qsTr("not enrolled"))
    }
    BodyText {
        width: page.width
        text: qsTr("Role: %1").arg(page.session && page.session.deviceRole.length > 0
                                    ? page.session.deviceRole : "—")
    }
    BodyText {
        width: page.width
        text: qsTr("Enroll with the one-time code from the administrator:")
    }
    Row {
        spacing: Theme.spacing
        TextField {
            id: code
            objectName: "enrollCode"
            width: Theme.touchTarget * 5
            height: Theme.touchTarget
            font.family: Theme.fontFamily
            font.pointSize: Theme.bodyPointSize
            placeholderText: qsTr("One-time code")
            inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhSensitiveData
        }
        TouchButton {
            objectName: "enrollButton"
            text: qsTr("Enroll")
            enabled: page.session !== null && !page.session.enrolling && code.text.length > 0
            onClicked: {
                page.error = page.session.enroll(code.text)
                if (page.error.length === 0)
                    code.clear()
            }
        }
    }
    BodyText {
        objectName: "enrollMessage"
        width: page.width
        visible: text.length > 0
        color: page.error.length > 0 ? Theme.errorText : Theme.text
        text: page.error.length > 0 ? page.error
              : (page.session ? page.session.enrollmentMessage : "")
    }
}
