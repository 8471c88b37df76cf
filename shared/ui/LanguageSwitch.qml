import QtQuick
import Hall.Ui // the C++ LanguageSwitcher (the implicit directory import has only the QML types)

// 中文 / English: switches the language of the whole app at run time through LanguageSwitcher
// (C++, installs the translations and retranslates every qsTr()). Each language is named in its
// own language, so these two labels are deliberately not translated.
Row {
    id: languageSwitch

    // [code, label] of the languages offered; codes match the :/i18n/*_<code>.qm files.
    property var languages: [["zh_CN", "中文"], ["en", "English"]]

    spacing: 0
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("Language")

    Repeater {
        model: languageSwitch.languages
        delegate: Rectangle {
            id: segment
            required property var modelData
            required property int index
            readonly property bool current: LanguageSwitcher.language === modelData[0]

            implicitWidth: Math.max(Theme.touchTarget, name.implicitWidth + 2 * Theme.spacing)
            implicitHeight: Math.max(Theme.touchTarget, name.implicitHeight + Theme.spacing)
            width: implicitWidth
            height: implicitHeight
            radius: Theme.radius
            color: current ? Theme.primary : Theme.surface
            border.width: Theme.borderWidth
            border.color: Theme.primary
            Accessible.role: Accessible.RadioButton
            Accessible.name: modelData[1]
            Accessible.checked: current

            Text {
                id: name
                anchors.centerIn: parent
                text: segment.modelData[1]
                color: segment.current ? Theme.textOnPrimary : Theme.primary
                font.family: Theme.fontFamily
                font.pointSize: Theme.bodyPointSize
                font.bold: true
                textFormat: Text.PlainText
            }
            MouseArea {
                anchors.fill: parent
                onClicked: LanguageSwitcher.language = segment.modelData[0]
            }
        }
    }
}
