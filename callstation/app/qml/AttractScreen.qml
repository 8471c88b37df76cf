import QtQuick
import Hall.Ui
import Hall.App
import Hall.Client
import Hall.Callstation

// What an idle ticket machine shows (TicketMachine.idle): the hall, an invitation to touch the
// screen, the time, the hall's playlist and notices, large, readable from a few steps away. Any touch
// brings the services back (the screen's PointHandler).
Rectangle {
    id: attract

    implicitWidth: 1080
    implicitHeight: 1920
    color: Theme.primary

    NoticesModel {
        id: notices
        backend: Terminal.backend
    }

    Column {
        anchors.centerIn: parent
        width: parent.width - Theme.spacing * 8
        spacing: Theme.spacing * 3
        Heading {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            color: Theme.textOnPrimary
            text: Terminal.backend.hallName
            visible: text.length > 0
        }
        Heading {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            color: Theme.textOnPrimary
            font.pointSize: Theme.headingPointSize * 2.2
            text: qsTr("Touch the screen to take a number")
        }
        HallClock {
            anchors.horizontalCenter: parent.horizontalCenter
            ink: Theme.textOnPrimary
            font.pointSize: Theme.headingPointSize * 1.6
        }
        SignageView { // the hall's playlist
            width: parent.width
            height: visible ? Math.min(attract.height * 0.3, width * 9 / 16) : 0
            kind: Terminal.signage.kind
            source: Terminal.signage.source
            text: Terminal.signage.text
        }
        Repeater {
            model: notices
            delegate: Rectangle {
                required property string text
                width: parent.width
                height: noticeText.implicitHeight + Theme.spacing * 2
                radius: Theme.radius
                color: Theme.surface
                BodyText {
                    id: noticeText
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    font.pointSize: Theme.headingPointSize * 0.9
                    text: parent.text
                }
            }
        }
    }
}
