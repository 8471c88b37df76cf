import QtQuick
import Hall.Ui

// One line of the board's call list: the number and, always, the window it was called to, with
// the way to it when the hall configured one.
Rectangle {
    id: row

    // Named apart from the model's roles (number, window, recall) a delegate declares.
    property string ticketNumber
    property int windowNumber: 0
    property bool isRecall: false
    property bool priority: false // appointment or green channel: its own colour
    property bool newest: false
    property var direction: ({}) // which way the window lies from here (DirectionHint)

    implicitHeight: numberText.implicitHeight + Theme.spacing
    radius: Theme.radius
    color: newest ? Theme.boardPanel : "transparent"

    BoardText {
        id: numberText
        anchors.left: parent.left
        anchors.leftMargin: Theme.spacing
        anchors.verticalCenter: parent.verticalCenter
        width: parent.width * 0.4
        scale: 1.7
        font.bold: true
        color: row.priority ? Theme.boardPriority : Theme.boardNumber
        text: row.ticketNumber
    }
    Row {
        anchors.left: numberText.right
        anchors.right: parent.right
        anchors.rightMargin: Theme.spacing
        anchors.verticalCenter: parent.verticalCenter
        spacing: Theme.spacing * 2
        BoardText {
            id: windowText
            anchors.verticalCenter: parent.verticalCenter
            width: Math.min(implicitWidth, parent.width)
            scale: 1.5
            text: "→ " + qsTr("Window %1").arg(row.windowNumber)
                  + (row.isRecall ? "  " + qsTr("(again)") : "")
        }
        DirectionHint {
            anchors.verticalCenter: parent.verticalCenter
            width: Math.max(0, parent.width - windowText.width - parent.spacing)
            scale: 1.1
            direction: row.direction
        }
    }
}
