import QtQuick
import Hall.Ui

// The top bar of a gallery screen, laid out as citizen screens lay theirs out: the title on the
// left, the language and elder-mode switches on the right where citizens look for them.
Item {
    id: header

    property string title

    implicitHeight: Math.max(heading.implicitHeight, switches.implicitHeight)

    Heading {
        id: heading
        anchors.left: parent.left
        anchors.right: switches.left
        anchors.rightMargin: Theme.spacing
        anchors.verticalCenter: parent.verticalCenter
        text: header.title
    }
    Row {
        id: switches
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        spacing: Theme.spacing
        LanguageSwitch {}
        ElderModeSwitch {}
    }
}
