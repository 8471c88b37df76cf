import QtQuick
import Hall.Ui
import Hall.Technician

// Network interfaces with their addresses, the time and time zone, and the controller link.
Flickable {
    id: page

    property TechnicianSession session
    readonly property NetworkStatus network: session ? session.network : null

    contentHeight: body.implicitHeight
    clip: true
    onVisibleChanged: if (visible && network) network.refresh()

    Column {
        id: body
        width: page.width
        spacing: Theme.spacing / 2

        Heading {
            text: qsTr("Network and time")
        }
        BodyText {
            width: parent.width
            text: qsTr("Time: %1").arg(page.network ? page.network.localTime : "")
        }
        BodyText {
            width: parent.width
            text: qsTr("Time zone: %1").arg(page.network ? page.network.timeZone : "")
        }
        BodyText {
            width: parent.width
            text: qsTr("Controller link: %1").arg(page.session && page.session.controllerLink.length > 0
                                                  ? page.session.controllerLink : qsTr("unknown"))
        }
        Repeater {
            model: page.network ? page.network.interfaces : []
            delegate: BodyText {
                required property var modelData
                width: body.width
                text: modelData.name + " — " + (modelData.running ? qsTr("up") : qsTr("down"))
                      + (modelData.addresses.length > 0 ? ": " + modelData.addresses.join(", ") : "")
            }
        }
        TouchButton {
            kind: "secondary"
            text: qsTr("Refresh")
            onClicked: page.network.refresh()
        }
    }
}
