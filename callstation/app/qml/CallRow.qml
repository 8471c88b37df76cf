import QtQuick
import Hall.Ui

// One line of the board's call list: the number and, always, the window it was called to.
Rectangle {
    id: row

    property string number
    property int window: 0
    property bool recall: false
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
        color: Theme.boardNumber
        text: row.number
    }
    BoardText {
        anchors.left: numberText.right
        anchors.right: parent.right
        anchors.rightMargin: Theme.spacing
        anchors.verticalCenter: parent.verticalCenter
        scale: 1.5
        text: "→ " + qsTr("Window %1").arg(row.window)
              + (row.recall ? "  " + qsTr("(again)") : "")
    }
}
