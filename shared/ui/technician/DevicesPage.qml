import QtQuick
import Hall.Ui
import Hall.Technician

// The devices this app drives, each with its driver, connection and test.
Item {
    id: page

    property TechnicianSession session

    Heading {
        id: title
        text: qsTr("Devices")
    }
    BodyText {
        id: loadError
        anchors.top: title.bottom
        width: page.width
        visible: text.length > 0
        color: Theme.errorText
        text: page.session ? page.session.devices.loadError : ""
    }
    ListView {
        anchors.top: loadError.visible ? loadError.bottom : title.bottom
        anchors.topMargin: Theme.spacing
        anchors.bottom: parent.bottom
        width: page.width
        clip: true
        spacing: Theme.spacing
        model: page.session ? page.session.devices : null
        delegate: DeviceEditor {
            required kindKey
            required kindName
            required configured
            required driver
            required transport
            required address
            required baud
            required testAvailable
            required testLabel
            required testRunning
            required testDone
            required testOk
            required testMessage
            model: page.session.devices
        }
    }
}
