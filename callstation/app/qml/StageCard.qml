import QtQuick
import Hall.Ui

// The card over the services while the machine talks to one citizen (confirm, ticket,
// refusal): centred, on a dimmed screen, as wide as the screen allows.
Rectangle {
    id: card

    default property alias content: body.data
    property color accent: Theme.primary

    anchors.fill: parent
    color: "#b3000000"

    // Touches on the dimmed area must not reach the services below.
    TapHandler {}

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.spacing * 4, 960)
        height: body.implicitHeight + Theme.spacing * 4
        radius: Theme.radius * 2
        color: Theme.surface
        border.color: card.accent
        border.width: Theme.borderWidth * 3

        Column {
            id: body
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: Theme.spacing * 2
            spacing: Theme.spacing * 1.5
        }
    }
}
