<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BusyBanner</name>
    <message>
        <location filename="../BusyBanner.qml" line="9"/>
        <source>Please wait…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ElderModeSwitch</name>
    <message>
        <location filename="../ElderModeSwitch.qml" line="56"/>
        <source>Elder mode: on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ElderModeSwitch.qml" line="56"/>
        <source>Elder mode</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <location filename="../ErrorBanner.qml" line="106"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <location filename="../LanguageSwitch.qml" line="15"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NumericKeypad</name>
    <message>
        <location filename="../NumericKeypad.qml" line="17"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NumericKeypad.qml" line="101"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../NumericKeypad.qml" line="119"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <location filename="../OfflineBanner.qml" line="47"/>
        <source>Connecting to the service hall server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../OfflineBanner.qml" line="50"/>
        <source>Reconnecting… (offline since %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../OfflineBanner.qml" line="51"/>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../OfflineBanner.qml" line="52"/>
        <source>Offline since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../OfflineBanner.qml" line="53"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../SignaturePad.qml" line="64"/>
        <source>Sign here</source>
        <translation>Sign here</translation>
    </message>
    <message>
        <location filename="../SignaturePad.qml" line="168"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
</context>
</TS>
