import QtQuick
import Hall.Ui
import Hall.Technician

// The open menu: pages on the left, the chosen page on the right, "close" always in reach.
Item {
    id: menu

    property TechnicianSession session
    property int currentPage: 0

    readonly property var pages: [
        qsTr("Identity"), qsTr("Controller"), qsTr("Devices"), qsTr("Network and time"),
        qsTr("Logs and restart")
    ]

    onVisibleChanged: if (visible) currentPage = 0

    Column {
        id: nav
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: Theme.spacing
        width: Math.max(Theme.touchTarget * 4, parent.width / 4)
        spacing: Theme.spacing / 2

        Heading {
            width: parent.width
            text: qsTr("Technician menu")
        }
        Repeater {
            model: menu.pages
            delegate: TouchButton {
                required property int index
                required property string modelData
                objectName: "page" + index
                width: nav.width
                kind: menu.currentPage === index ? "primary" : "secondary"
                text: modelData
                onClicked: menu.currentPage = index
            }
        }
        TouchButton {
            objectName: "closeMenu"
            width: nav.width
            kind: "danger"
            text: qsTr("Close menu")
            onClicked: menu.session.close()
        }
    }

    Item {
        id: content
        anchors.left: nav.right
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacing

        IdentityPage {
            anchors.fill: parent
            visible: menu.currentPage === 0
            session: menu.session
        }
        ControllerPage {
            anchors.fill: parent
            visible: menu.currentPage === 1
            session: menu.session
        }
        DevicesPage {
            anchors.fill: parent
            visible: menu.currentPage === 2
            session: menu.session
        }
        NetworkPage {
            anchors.fill: parent
            visible: menu.currentPage === 3
            session: menu.session
        }
        SystemPage {
            anchors.fill: parent
            visible: menu.currentPage === 4
            session: menu.session
        }
    }
}
