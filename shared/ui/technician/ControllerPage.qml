import QtQuick
import QtQuick.Controls
import Hall.Ui
import Hall.Technician

// The controller's address (host:port), saved in the terminal settings file, and the state of
// the link as the app's client sees it.
Column {
    id: page

    property TechnicianSession session
    property string result
    property bool failed: false

    spacing: Theme.spacing

    Heading {
        text: qsTr("Controller")
    }
    BodyText {
        width: page.width
        text: qsTr("Link: %1").arg(page.session && page.session.controllerLink.length > 0
                                    ? page.session.controllerLink : qsTr("unknown"))
    }
    BodyText {
        width: page.width
        text: qsTr("Address (host:port):")
    }
    Row {
        spacing: Theme.spacing
        TextField {
            id: address
            objectName: "controllerAddress"
            width: Theme.touchTarget * 7
            height: Theme.touchTarget
            font.family: Theme.fontFamily
            font.pointSize: Theme.bodyPointSize
            text: page.session ? page.session.controllerAddress : ""
            placeholderText: "callstation.hall.local:8443"
            inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhUrlCharactersOnly
        }
        TouchButton {
            objectName: "saveControllerAddress"
            text: qsTr("Save")
            onClicked: {
                const why = page.session.setControllerAddress(address.text)
                page.failed = why.length > 0
                page.result = page.failed ? why : qsTr("Saved. The app uses it after a restart.")
            }
        }
    }
    BodyText {
        width: page.width
        visible: text.length > 0
        color: page.failed ? Theme.errorText : Theme.text
        text: page.result.length > 0 ? page.result
              : (page.session ? page.session.settingsError : "")
    }
}
