import QtQuick
import Hall.Ui
import Hall.App
import Hall.Client

// The hall as the backend knows it, updated from its pushes: every service with its waiting
// count and estimated wait and a take-a-number button (TicketIssuer: online from the
// controller, offline from leased numbers), the windows, and the latest calls. On the mock
// backend the link can be dropped and restored to show the offline behaviour.
Rectangle {
    id: screen

    // The last ticket taken here, or why none was.
    property string issuedNumber
    property string issuedService
    property bool issuedOffline
    property string issueError

    implicitWidth: 1920
    implicitHeight: 1080
    color: Theme.background

    ServicesModel {
        id: services
        backend: Terminal.backend
    }
    WindowsModel {
        id: windows
        backend: Terminal.backend
    }
    RecentCallsModel {
        id: calls
        backend: Terminal.backend
    }
    Connections {
        target: Terminal.issuer
        function onIssued(serviceId, number, offline) {
            screen.issueError = ""
            screen.issuedService = serviceId
            screen.issuedNumber = number
            screen.issuedOffline = offline
        }
        function onIssueFailed(serviceId, code, message) {
            screen.issuedNumber = ""
            screen.issueError = code
        }
    }

    OfflineBanner {
        id: offline
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        connectionState: Terminal.backend.connectionStateName
        offlineSince: Terminal.backend.offlineSince
        detail: qsTr("Numbers are issued from the block leased in advance.")
    }

    Column {
        anchors.top: offline.visible ? offline.bottom : parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing

        ScreenHeader {
            width: parent.width
            title: qsTr("Take a number")
        }
        // The mock backend's link switch (a ControllerClient has no such property).
        TouchButton {
            visible: Terminal.mock
            kind: "secondary"
            text: Terminal.backend.online ? qsTr("Simulate link loss") : qsTr("Restore the link")
            onClicked: Terminal.backend.simulatedOnline = !Terminal.backend.online
        }
        Rectangle {
            objectName: "issuedTicket"
            width: parent.width
            height: issued.implicitHeight + Theme.spacing
            visible: screen.issuedNumber.length > 0
            color: Theme.surface
            border.color: Theme.border
            border.width: Theme.borderWidth
            radius: Theme.radius
            Heading {
                id: issued
                anchors.verticalCenter: parent.verticalCenter
                anchors.left: parent.left
                anchors.leftMargin: Theme.spacing
                text: screen.issuedOffline
                      ? qsTr("Your number: %1 (issued offline, reported when the link returns)")
                            .arg(screen.issuedNumber)
                      : qsTr("Your number: %1").arg(screen.issuedNumber)
            }
        }
        ErrorBanner {
            width: parent.width
            shown: screen.issueError.length > 0
            message: qsTr("No number could be issued (%1).").arg(screen.issueError)
            advice: qsTr("Please ask the staff at the information desk.")
            onDismissed: screen.issueError = ""
        }
        Row {
            width: parent.width
            spacing: Theme.spacing * 2

            Column {
                width: (parent.width - parent.spacing * 2) * 0.45
                spacing: Theme.spacing / 2
                Heading {
                    text: qsTr("Services")
                }
                BodyText {
                    visible: services.count === 0
                    color: Theme.secondaryText
                    text: qsTr("No services known yet.")
                }
                Repeater {
                    model: services
                    delegate: Item {
                        required property string serviceId
                        required property string name
                        required property int waiting
                        required property int estimatedWaitMinutes

                        width: parent.width
                        height: Math.max(take.height, serviceText.implicitHeight)
                        BodyText {
                            id: serviceText
                            anchors.left: parent.left
                            anchors.right: take.left
                            anchors.rightMargin: Theme.spacing
                            anchors.verticalCenter: parent.verticalCenter
                            text: parent.name + " · "
                                  + qsTr("%1 waiting").arg(parent.waiting) + " · "
                                  + (parent.estimatedWaitMinutes < 0
                                     ? qsTr("wait unknown")
                                     : qsTr("about %1 min").arg(parent.estimatedWaitMinutes))
                        }
                        TouchButton {
                            id: take
                            anchors.right: parent.right
                            text: qsTr("Take a number")
                            onClicked: Terminal.issuer.issue(parent.serviceId)
                        }
                    }
                }
            }
            Column {
                id: windowColumn
                width: (parent.width - parent.spacing * 2) * 0.35
                spacing: Theme.spacing / 2
                Heading {
                    text: qsTr("Windows")
                }
                // Two columns: a hall's dozen windows fit the screen in elder mode too.
                Grid {
                    columns: 2
                    columnSpacing: Theme.spacing
                    Repeater {
                        model: windows
                        delegate: BodyText {
                            required property int number
                            required property bool open
                            required property bool paused
                            required property string currentNumber

                            width: (windowColumn.width - Theme.spacing) / 2
                            text: qsTr("Window %1: %2").arg(number)
                                  .arg(paused ? qsTr("paused")
                                              : !open ? qsTr("closed")
                                                      : currentNumber.length > 0
                                                        ? qsTr("serving %1").arg(currentNumber)
                                                        : qsTr("open"))
                        }
                    }
                }
            }
            Column {
                width: (parent.width - parent.spacing * 2) * 0.2
                spacing: Theme.spacing / 2
                Heading {
                    text: qsTr("Latest calls")
                }
                BodyText {
                    visible: calls.count === 0
                    color: Theme.secondaryText
                    text: qsTr("No calls yet.")
                }
                Repeater {
                    model: calls
                    delegate: BodyText {
                        required property string number
                        required property int window

                        text: qsTr("%1 to window %2").arg(number).arg(window)
                    }
                }
            }
        }
    }
}
