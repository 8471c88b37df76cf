<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BusyBanner</name>
    <message>
        <location filename="../BusyBanner.qml" line="9"/>
        <source>Please wait…</source>
        <translation>请稍候…</translation>
    </message>
</context>
<context>
    <name>ElderModeSwitch</name>
    <message>
        <location filename="../ElderModeSwitch.qml" line="56"/>
        <source>Elder mode: on</source>
        <translation>长辈模式：已开启</translation>
    </message>
    <message>
        <location filename="../ElderModeSwitch.qml" line="56"/>
        <source>Elder mode</source>
        <translation>长辈模式</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <location filename="../ErrorBanner.qml" line="106"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <location filename="../LanguageSwitch.qml" line="15"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>NumericKeypad</name>
    <message>
        <location filename="../NumericKeypad.qml" line="17"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../NumericKeypad.qml" line="101"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../NumericKeypad.qml" line="119"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <location filename="../OfflineBanner.qml" line="47"/>
        <source>Connecting to the service hall server…</source>
        <translation>正在连接大厅服务器…</translation>
    </message>
    <message>
        <location filename="../OfflineBanner.qml" line="50"/>
        <source>Reconnecting… (offline since %1)</source>
        <translation>正在重新连接…（%1 起离线）</translation>
    </message>
    <message>
        <location filename="../OfflineBanner.qml" line="51"/>
        <source>Reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
    <message>
        <location filename="../OfflineBanner.qml" line="52"/>
        <source>Offline since %1</source>
        <translation>%1 起离线</translation>
    </message>
    <message>
        <location filename="../OfflineBanner.qml" line="53"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../SignaturePad.qml" line="64"/>
        <source>Sign here</source>
        <translation>请在此签名</translation>
    </message>
    <message>
        <location filename="../SignaturePad.qml" line="168"/>
        <source>Clear</source>
        <translation>重写</translation>
    </message>
</context>
</TS>
