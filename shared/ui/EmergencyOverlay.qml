import QtQuick

// The hall's emergency message (an evacuation, a closure) over everything on the screen, the
// call pop-up included, until the hall clears it: the top layer of what a screen shows. It
// takes every touch, so nothing under it can be used meanwhile. Both languages at once: the
// citizen must not have to find a switch.
Rectangle {
    id: overlay

    property bool active: false
    property string text
    property string textEn

    anchors.fill: parent
    visible: active
    z: 1000
    color: Theme.danger
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text

    MouseArea {
        anchors.fill: parent
    }
    Column {
        anchors.centerIn: parent
        width: parent.width - Theme.spacing * 8
        spacing: Theme.spacing * 3
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            font.family: Theme.fontFamily
            font.pointSize: Theme.headingPointSize * 1.6
            font.bold: true
            color: Theme.textOnDanger
            text: "紧急通知 · Emergency notice"
        }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily
            font.pointSize: Theme.headingPointSize * 2
            font.bold: true
            color: Theme.textOnDanger
            text: overlay.text
        }
        Text {
            width: parent.width
            visible: overlay.textEn.length > 0
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily
            font.pointSize: Theme.headingPointSize * 1.3
            color: Theme.textOnDanger
            text: overlay.textEn
        }
    }
}
