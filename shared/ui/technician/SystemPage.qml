import QtQuick
import QtQuick.Controls
import Hall.Ui
import Hall.Technician

// Log export to a USB stick (or any folder) and restarting the app.
Column {
    id: page

    property TechnicianSession session
    property string result
    property bool failed: false
    property var targets: []

    spacing: Theme.spacing
    onVisibleChanged: if (visible && session) targets = session.exportTargets()

    Heading {
        text: qsTr("Logs and restart")
    }
    BodyText {
        width: page.width
        text: qsTr("Export the app's logs to a USB stick or folder:")
    }
    Row {
        spacing: Theme.spacing
        ComboBox {
            id: target
            objectName: "exportTarget"
            width: Theme.touchTarget * 7
            height: Theme.touchTarget
            editable: true
            font.family: Theme.fontFamily
            font.pointSize: Theme.bodyPointSize
            model: page.targets
        }
        TouchButton {
            objectName: "exportLogs"
            text: qsTr("Export logs")
            onClicked: {
                const why = page.session.exportLogs(target.editText)
                page.failed = why.length > 0
                page.result = page.failed ? why : qsTr("Logs exported.")
            }
        }
    }
    BodyText {
        width: page.width
        visible: page.result.length > 0
        color: page.failed ? Theme.errorText : Theme.text
        text: page.result
    }
    TouchButton {
        objectName: "restartApp"
        kind: "danger"
        text: qsTr("Restart app")
        onClicked: page.session.restartApp()
    }
}
