pragma ComponentBehavior: Bound
import QtQuick
import Hall.Ui
import Hall.Keyboard

// Above the keys: the composition as it stands (fixed 汉字, then pinyin with syllable breaks)
// and the candidates, best first, scrolled sideways; tapping one types it (or fixes its
// syllables and offers the rest). It keeps its height while empty, so the keys never jump.
Column {
    id: bar

    // The keyboard's input logic; the bar is empty without one.
    property PinyinInput input: null
    property alias list: candidateList

    spacing: Theme.spacing / 4

    Text {
        id: preeditLine
        objectName: "preedit"
        width: bar.width
        height: Math.ceil(fontMetrics.height * Theme.lineHeight)
        text: bar.input ? bar.input.preedit : ""
        color: Theme.secondaryText
        font.family: Theme.fontFamily
        font.pointSize: Theme.captionPointSize
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideLeft
        textFormat: Text.PlainText
        FontMetrics {
            id: fontMetrics
            font: preeditLine.font
        }
    }

    ListView {
        id: candidateList
        objectName: "candidateList"
        width: bar.width
        height: Theme.touchTarget
        orientation: ListView.Horizontal
        spacing: Theme.spacing / 2
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        // No delegates built ahead off screen: their asynchronous creation, cut short when the next
        // letter replaces the candidates, makes DelegateModel warn.
        cacheBuffer: 0
        model: bar.input ? bar.input.candidates : null
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Candidates")

        delegate: KeyboardKey {
            id: candidate
            required property int index
            required property string text
            objectName: "candidate_" + candidate.index
            label: candidate.text
            width: Math.max(Theme.touchTarget, implicitLabelWidth.advanceWidth + Theme.spacing * 2)
            height: Theme.touchTarget
            onActivated: if (bar.input) bar.input.choose(candidate.index)
            TextMetrics {
                id: implicitLabelWidth
                font.family: Theme.fontFamily
                font.pointSize: Theme.bodyPointSize
                text: candidate.text
            }
        }
    }
}
