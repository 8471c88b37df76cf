import QtQuick

// The elder-mode (长辈模式) toggle every citizen screen carries, top right by convention: a large
// "大" icon that reads "big characters" to anyone who reads Chinese, the words, and whether it is
// on. Tapping it flips Theme.elderMode for the whole app.
Rectangle {
    id: toggle

    readonly property bool checked: Theme.elderMode
    readonly property color _ink: checked ? Theme.textOnPrimary : Theme.primary

    implicitWidth: row.implicitWidth + 2 * Theme.spacing
    implicitHeight: Math.max(Theme.touchTarget, row.implicitHeight + Theme.spacing)
    radius: Theme.radius
    color: checked ? Theme.primary : Theme.surface
    border.width: Theme.borderWidth
    border.color: Theme.primary

    activeFocusOnTab: true
    Accessible.role: Accessible.CheckBox
    Accessible.name: caption.text
    Accessible.checkable: true
    Accessible.checked: checked
    Accessible.onToggleAction: Theme.elderMode = !Theme.elderMode
    Accessible.onPressAction: Theme.elderMode = !Theme.elderMode
    Keys.onReturnPressed: Theme.elderMode = !Theme.elderMode
    Keys.onSpacePressed: Theme.elderMode = !Theme.elderMode

    Row {
        id: row
        anchors.centerIn: parent
        spacing: Theme.spacing / 2

        // The icon: one big character in a ring, as tall as a touch target.
        Rectangle {
            width: Theme.touchTarget - Theme.spacing / 2
            height: width
            radius: width / 2
            color: "transparent"
            border.width: Theme.borderWidth
            border.color: toggle._ink
            anchors.verticalCenter: parent.verticalCenter
            Text {
                anchors.centerIn: parent
                text: "大"
                color: toggle._ink
                font.family: Theme.fontFamily
                font.pixelSize: parent.height * 0.6
                font.bold: true
            }
        }
        Text {
            id: caption
            objectName: "caption"
            anchors.verticalCenter: parent.verticalCenter
            text: toggle.checked ? qsTr("Elder mode: on") : qsTr("Elder mode")
            color: toggle._ink
            font.family: Theme.fontFamily
            font.pointSize: Theme.bodyPointSize
            font.bold: true
            textFormat: Text.PlainText
        }
    }

    MouseArea {
        anchors.fill: parent
        onClicked: Theme.elderMode = !Theme.elderMode
    }
}
