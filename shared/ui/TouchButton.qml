import QtQuick

// The big touch button of citizen screens. Never smaller than Theme.touchTarget in either
// direction (≥ 60 × 60 px in elder mode), label in the theme font at body size (× textScale).
//   kind: "primary" (filled), "secondary" (outlined), "danger" (filled red), "success"
Rectangle {
    id: button

    property string text
    // A symbol drawn before the label (e.g. "⌫"); empty for none.
    property string symbol
    property string kind: "primary"
    // Label size over the body size: the one action of a screen (take a number) is larger.
    property real textScale: 1
    readonly property bool pressed: touch.pressed

    signal clicked

    readonly property color _fill: !enabled ? Theme.disabledBackground
        : kind === "secondary" ? Theme.surface
        : kind === "danger" ? Theme.danger
        : kind === "success" ? Theme.success
        : pressed ? Theme.primaryPressed : Theme.primary
    readonly property color _ink: !enabled ? Theme.disabledText
        : kind === "secondary" ? Theme.primary
        : kind === "danger" ? Theme.textOnDanger
        : kind === "success" ? Theme.textOnSuccess
        : Theme.textOnPrimary

    implicitWidth: Math.max(Theme.touchTarget, label.implicitWidth + 2 * Theme.spacing)
    implicitHeight: Math.max(Theme.touchTarget, label.implicitHeight + Theme.spacing * textScale)
    radius: Theme.radius
    color: _fill
    border.width: kind === "secondary" ? Theme.borderWidth : 0
    border.color: enabled ? Theme.primary : Theme.border
    // Pressed feedback without a colour that would need its own contrast pair.
    opacity: pressed && kind !== "primary" ? 0.85 : 1

    activeFocusOnTab: true
    Accessible.role: Accessible.Button
    Accessible.name: text
    Accessible.onPressAction: if (enabled) clicked()
    Keys.onReturnPressed: if (enabled) clicked()
    Keys.onSpacePressed: if (enabled) clicked()

    Text {
        id: label
        anchors.centerIn: parent
        width: Math.min(implicitWidth, parent.width - Theme.spacing)
        text: button.symbol.length > 0 && button.text.length > 0
              ? button.symbol + " " + button.text : button.symbol + button.text
        color: button._ink
        font.family: Theme.fontFamily
        font.pointSize: Theme.bodyPointSize * button.textScale
        font.bold: true
        horizontalAlignment: Text.AlignHCenter
        elide: Text.ElideRight
        textFormat: Text.PlainText
    }

    MouseArea {
        id: touch
        anchors.fill: parent
        enabled: button.enabled
        onClicked: button.clicked()
    }
}
