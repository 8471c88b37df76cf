import QtQuick
import Hall.Ui

// One line of the board's call list: the number and, always, the window it was called to.
Rectangle {
    id: row

    // Named apart from the model's roles (number, window, recall) a delegate declares.
    property string ticketNumber
    property int windowNumber: 0
    property bool isRecall: false
    property bool priority: false // appointment or green channel: its own colour
    property bool newest: false

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
    BoardText {
        anchors.left: numberText.right
        anchors.right: parent.right
        anchors.rightMargin: Theme.spacing
        anchors.verticalCenter: parent.verticalCenter
        scale: 1.5
        text: "→ " + qsTr("Window %1").arg(row.windowNumber)
              + (row.isRecall ? "  " + qsTr("(again)") : "")
    }
}
