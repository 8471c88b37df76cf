pragma Singleton
import QtQuick

// The look of every citizen and staff screen: one font, colours with at least 4.5:1 contrast
// (WCAG AA) for text on its background, and the sizes of elder mode (适老化): main text ≥ 18 pt,
// headings ≥ 30 pt, touch targets ≥ 60 px, line spacing ≥ 1.3.
QtObject {
    // Switched by the citizen on any screen; staff screens keep it off.
    property bool elderMode: false

    // Latin digits must come from the same font as the Chinese text (see fonts-noto-cjk).
    readonly property string fontFamily: "Noto Sans CJK SC"

    readonly property real bodyPointSize: elderMode ? 20 : 14
    readonly property real headingPointSize: elderMode ? 32 : 22
    readonly property real lineHeight: elderMode ? 1.4 : 1.2
    readonly property int touchTarget: elderMode ? 72 : 48
    readonly property int spacing: elderMode ? 20 : 12

    readonly property color background: "#ffffff"
    readonly property color text: "#1a1a1a"
    readonly property color primary: "#0b57a4"
    readonly property color textOnPrimary: "#ffffff" // not "onPrimary": on… names are signal handlers
}
