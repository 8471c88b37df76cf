import QtQuick
import Hall.Ui
import Hall.App

// A citizen-like start screen: header with both switches, the offline banner driven by the
// backend's connection state (Terminal.backend.connectionStateName: the one mapping, in Backend),
// an explanation, the service buttons, and the busy and error banners in use.
Rectangle {
    id: screen

    implicitWidth: 1920
    implicitHeight: 1080
    color: Theme.background

    OfflineBanner {
        id: offline
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        connectionState: Terminal.backend.connectionStateName
        offlineSince: Terminal.backend.offlineSince
        detail: qsTr("You can still take a ticket; it is reported when the link returns.")
    }

    Column {
        anchors.top: offline.visible ? offline.bottom : parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing * 1.5

        ScreenHeader {
            width: parent.width
            title: qsTr("Choose a service")
        }
        BodyText {
            width: parent.width
            text: qsTr("Touch the service you came for. A ticket is printed with your number; "
                       + "please wait until it is called on the screen.")
        }
        BodyText {
            width: parent.width
            color: Theme.secondaryText
            text: qsTr("For help, ask the staff at the information desk.")
        }
        Flow {
            width: parent.width
            spacing: Theme.spacing
            TouchButton { text: qsTr("Social security") }
            TouchButton { text: qsTr("Residence permit") }
            TouchButton { text: qsTr("Business licence") }
            TouchButton { text: qsTr("Tax") }
            TouchButton { kind: "secondary"; text: qsTr("Appointment check-in") }
            TouchButton { kind: "success"; text: qsTr("Rate our service") }
            TouchButton { kind: "danger"; text: qsTr("Cancel") }
            TouchButton { enabled: false; text: qsTr("Closed today") }
        }
        BusyBanner {
            width: parent.width
            active: true
            text: qsTr("Printing your ticket…")
        }
        ErrorBanner {
            width: parent.width
            shown: true
            message: qsTr("The ticket printer is out of paper.")
            advice: qsTr("Please take your number from the screen, or ask the staff for help.")
            actionText: qsTr("Try again")
        }
    }
}
