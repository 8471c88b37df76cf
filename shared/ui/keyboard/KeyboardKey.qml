import QtQuick
import Hall.Ui

// One key of the on-screen keyboard: never smaller than Theme.touchTarget either way, label in
// the theme font. It never takes focus, so the field being typed into keeps its cursor.
//   label        what the key shows
//   description  what a screen reader says (defaults to the label)
//   accent       drawn filled (Enter, the active Shift)
Rectangle {
    id: key

    property string label
    property string description: label
    property bool accent: false
    readonly property bool pressed: touch.pressed

    signal activated

    implicitWidth: Theme.touchTarget
    implicitHeight: Theme.touchTarget
    radius: Theme.radius
    // Text on surface and on primary / primaryPressed are Theme's checked contrast pairs.
    color: pressed ? Theme.primaryPressed : accent ? Theme.primary : Theme.surface
    border.width: Theme.borderWidth
    border.color: accent || pressed ? Theme.primaryPressed : Theme.border

    Accessible.role: Accessible.Button
    Accessible.name: description
    Accessible.onPressAction: activated()

    Text {
        anchors.centerIn: parent
        width: Math.min(implicitWidth, key.width - Theme.borderWidth * 2)
        text: key.label
        color: key.pressed || key.accent ? Theme.textOnPrimary : Theme.text
        font.family: Theme.fontFamily
        font.pointSize: Theme.bodyPointSize
        horizontalAlignment: Text.AlignHCenter
        elide: Text.ElideRight
        textFormat: Text.PlainText
    }

    MouseArea {
        id: touch
        anchors.fill: parent
        onClicked: key.activated()
    }
}
