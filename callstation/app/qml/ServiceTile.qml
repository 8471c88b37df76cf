import QtQuick
import Hall.Ui

// One service on the ticket machine: its name large, how many wait and about how long; the
// whole tile takes the number. A service nobody serves now still issues (the controller decides
// what may be issued): the tile only says the wait is not known.
Rectangle {
    id: tile

    property string name
    property int waiting: 0
    property int waitMinutes: -1
    signal chosen

    implicitHeight: Math.max(Theme.touchTarget * 2,
                             content.implicitHeight + Theme.spacing * 2)
    radius: Theme.radius * 2
    color: touch.pressed ? Theme.primaryPressed : Theme.primary
    Accessible.role: Accessible.Button
    Accessible.name: name

    Column {
        id: content
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: Theme.spacing * 1.5
        spacing: Theme.spacing / 2
        Heading {
            width: parent.width
            color: Theme.textOnPrimary
            text: tile.name
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        BodyText {
            width: parent.width
            color: Theme.textOnPrimary
            text: (tile.waiting === 0 ? qsTr("Nobody waiting")
                                      : qsTr("%n waiting", "", tile.waiting))
                  + (tile.waitMinutes > 0 ? "  ·  " + qsTr("about %n min", "", tile.waitMinutes) : "")
        }
    }
    TapHandler {
        id: touch
        onTapped: tile.chosen()
    }
}
