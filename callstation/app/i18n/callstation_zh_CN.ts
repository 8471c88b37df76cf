<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../qml/AttractScreen.qml" line="38"/>
        <source>Touch the screen to take a number</source>
        <translation>请点击屏幕取号</translation>
    </message>
</context>
<context>
    <name>CallBoardScreen</name>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="78"/>
        <source>Now calling</source>
        <translation>请留意叫号</translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="92"/>
        <source>Connection lost since %1</source>
        <translation>连接中断（自 %1 起）</translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="120"/>
        <source>Latest calls</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="158"/>
        <source>No calls yet.</source>
        <translation>暂无叫号</translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="209"/>
        <source>Windows</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="191"/>
        <location filename="../qml/CallBoardScreen.qml" line="244"/>
        <location filename="../qml/CallBoardScreen.qml" line="383"/>
        <source>Window %1</source>
        <translation>%1号窗口</translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="180"/>
        <source>Missed your call? Please go to the window shown</source>
        <translation>过号的市民，请到所示窗口办理</translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="253"/>
        <source>paused</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="254"/>
        <source>closed</source>
        <translation>未开放</translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="256"/>
        <source>open</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="270"/>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/CallBoardScreen.qml" line="304"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 人等候</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="390"/>
        <source>Called again: please go to window %1 now</source>
        <translation>再次呼叫：请立即到 %1 号窗口办理</translation>
    </message>
    <message>
        <location filename="../qml/CallBoardScreen.qml" line="391"/>
        <source>Please go to window %1</source>
        <translation>请到 %1 号窗口办理</translation>
    </message>
</context>
<context>
    <name>CallRow</name>
    <message>
        <location filename="../qml/CallRow.qml" line="43"/>
        <source>Window %1</source>
        <translation>%1号窗口</translation>
    </message>
    <message>
        <location filename="../qml/CallRow.qml" line="44"/>
        <source>(again)</source>
        <translation>（再次呼叫）</translation>
    </message>
</context>
<context>
    <name>GreenChannelCard</name>
    <message>
        <location filename="../qml/GreenChannelCard.qml" line="59"/>
        <source>Green channel (staff)</source>
        <translation>绿色通道（工作人员）</translation>
    </message>
    <message>
        <location filename="../qml/GreenChannelCard.qml" line="64"/>
        <source>The number is called before the ordinary ones. Choose who it is for and the service, then confirm with your own ID card or your staff number and PIN.</source>
        <translation>此号优先于普通号叫号。请选择服务对象和办理事项，再刷您本人的身份证或输入工号和密码确认。</translation>
    </message>
    <message>
        <location filename="../qml/GreenChannelCard.qml" line="76"/>
        <source>Who is it for?</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <location filename="../qml/GreenChannelCard.qml" line="96"/>
        <source>Service</source>
        <translation>办理事项</translation>
    </message>
    <message>
        <location filename="../qml/GreenChannelCard.qml" line="122"/>
        <source>✓ Staff card read</source>
        <translation>✓ 已读取工作人员身份证</translation>
    </message>
    <message>
        <location filename="../qml/GreenChannelCard.qml" line="134"/>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../qml/GreenChannelCard.qml" line="146"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../qml/GreenChannelCard.qml" line="157"/>
        <source>Or place your own ID card on the reader.</source>
        <translation>或将您本人的身份证放到读卡器上。</translation>
    </message>
    <message>
        <location filename="../qml/GreenChannelCard.qml" line="170"/>
        <source>Issue the number</source>
        <translation>取绿色通道号</translation>
    </message>
    <message>
        <location filename="../qml/GreenChannelCard.qml" line="176"/>
        <source>Back (%1 s)</source>
        <translation>返回（%1 秒）</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="26"/>
        <source>Call board</source>
        <translation>叫号显示屏</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="26"/>
        <source>Ticket machine</source>
        <translation>排队取号机</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="26"/>
        <source>LED strip</source>
        <translation>窗口显示屏</translation>
    </message>
</context>
<context>
    <name>ServiceTile</name>
    <message>
        <location filename="../qml/ServiceTile.qml" line="23"/>
        <source>Today&apos;s numbers are all given out</source>
        <translation>今日号源已取完</translation>
    </message>
    <message>
        <location filename="../qml/ServiceTile.qml" line="24"/>
        <source>Numbers are given out %1</source>
        <translation>取号时间 %1</translation>
    </message>
    <message>
        <location filename="../qml/ServiceTile.qml" line="25"/>
        <source>Nobody waiting</source>
        <translation>无人等候</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ServiceTile.qml" line="25"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 人等候</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ServiceTile.qml" line="26"/>
        <source>about %n min</source>
        <translation>
            <numerusform>约 %n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ServiceTile.qml" line="27"/>
        <source>%n numbers left</source>
        <translation>
            <numerusform>余 %n 个号</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ServiceTile.qml" line="28"/>
        <source>ID card needed</source>
        <translation>需刷身份证</translation>
    </message>
</context>
<context>
    <name>TicketMachineScreen</name>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="53"/>
        <source>Numbers are still given out here.</source>
        <translation>本机仍可正常取号。</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="76"/>
        <source>Take a number</source>
        <translation>取号</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="81"/>
        <source>Touch the service you have come for. Your number is printed at once.</source>
        <translation>请点击您要办理的事项，号票随即打印。</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="97"/>
        <source>All services</source>
        <translation>全部事项</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="163"/>
        <source>The services are being loaded…</source>
        <translation>正在加载办理事项…</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="179"/>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="185"/>
        <location filename="../qml/TicketMachineScreen.qml" line="255"/>
        <location filename="../qml/TicketMachineScreen.qml" line="459"/>
        <source>Check in for a booking</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="191"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="192"/>
        <source>Reprint my last ticket</source>
        <translation>重新打印我的号票</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="228"/>
        <source>Please place your ID card on the reader</source>
        <translation>请将身份证放在读卡区</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="232"/>
        <source>This service gives numbers only to the person who will be served. A social-security card works too.</source>
        <translation>本事项需本人刷证取号，也可使用社保卡。</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="262"/>
        <source>Please scan the booking&apos;s QR code, or place the ID card you booked with on the reader</source>
        <translation>请扫描预约二维码，或将预约时使用的身份证放在读卡区</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="267"/>
        <source>Your number is called first once your booked time has come.</source>
        <translation>到了您预约的时间，将优先叫您的号。</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="285"/>
        <source>Or type the booking code</source>
        <translation>或输入预约码</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="293"/>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="330"/>
        <source>%1 people are waiting before you, about %2 minutes.</source>
        <translation>前面还有 %1 人，约 %2 分钟。</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="332"/>
        <source>%1 people are waiting before you.</source>
        <translation>前面还有 %1 人。</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="336"/>
        <source>Do you still want a number?</source>
        <translation>仍要取号吗？</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="342"/>
        <source>Yes, take a number</source>
        <translation>仍要取号</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="348"/>
        <source>No, go back</source>
        <translation>不取了，返回</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="359"/>
        <source>Taking your number…</source>
        <translation>正在取号…</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="369"/>
        <source>Your number</source>
        <translation>您的号码</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="390"/>
        <source>Nobody is ahead of you. Please watch the board.</source>
        <translation>您前面没有人等候，请留意叫号屏。</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/TicketMachineScreen.qml" line="391"/>
        <source>%n people ahead of you</source>
        <translation>
            <numerusform>您前面还有 %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/TicketMachineScreen.qml" line="393"/>
        <source>, about %n min</source>
        <translation>
            <numerusform>，约 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="401"/>
        <source>This number was given out while the hall system is unreachable. It is valid and will be called in turn.</source>
        <translation>本号码在系统连接中断时发出，同样有效，将按顺序叫号。</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="408"/>
        <source>Your ticket is being printed…</source>
        <translation>正在打印号票…</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="409"/>
        <source>Please take your ticket and wait for your number on the call board.</source>
        <translation>请取走号票，留意叫号屏叫号。</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="439"/>
        <source>The ticket could not be printed. Please take a photo of this screen: the number and this code are your ticket. The staff have been told.</source>
        <translation>号票未能打印。请用手机拍下本屏幕：上面的号码和二维码就是您的号票。工作人员已收到提示。</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="447"/>
        <source>Done (%1 s)</source>
        <translation>完成（%1 秒）</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="472"/>
        <source>Your number: %1</source>
        <translation>您的号码：%1</translation>
    </message>
    <message>
        <location filename="../qml/TicketMachineScreen.qml" line="242"/>
        <location filename="../qml/TicketMachineScreen.qml" line="299"/>
        <location filename="../qml/TicketMachineScreen.qml" line="481"/>
        <source>Back to the services (%1 s)</source>
        <translation>返回事项列表（%1 秒）</translation>
    </message>
</context>
<context>
    <name>hall::callstation::TicketMachine</name>
    <message>
        <location filename="../ticket_machine.cpp" line="408"/>
        <source>This service is not taking numbers at this time.</source>
        <translation>该事项当前不在取号时间内。</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="410"/>
        <source>Today&apos;s numbers for this service have all been given out.</source>
        <translation>该事项今日号源已取完。</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="412"/>
        <source>You already have a number for this service today.</source>
        <translation>您今天已取过该事项的号。</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="414"/>
        <source>This service needs your ID card.</source>
        <translation>办理本事项需要刷身份证。</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="416"/>
        <source>No booking for today was found.</source>
        <translation>没有找到您今天的预约。</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="418"/>
        <source>Your booking is for another day.</source>
        <translation>您的预约不是今天。</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="420"/>
        <source>It is too early to check in for your booking.</source>
        <translation>还没到您预约的签到时间。</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="422"/>
        <source>The check-in time for your booking has passed.</source>
        <translation>您预约的签到时间已过。</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="424"/>
        <source>This booking is already checked in.</source>
        <translation>该预约已经签到。</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="426"/>
        <source>Bookings cannot be checked in just now.</source>
        <translation>暂时无法预约签到。</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="429"/>
        <source>This machine cannot give out numbers for this service just now.</source>
        <translation>本机暂时无法为该事项取号。</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="430"/>
        <source>No number could be given out.</source>
        <translation>未能取号。</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="435"/>
        <source>Numbers for it are given out in the hours shown on its button.</source>
        <translation>请在事项按钮上所示的时间内取号。</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="437"/>
        <source>Please come back on another working day, or book an appointment.</source>
        <translation>请改日再来，或先预约。</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="439"/>
        <location filename="../ticket_machine.cpp" line="450"/>
        <source>Please wait for your number to be called.</source>
        <translation>请留意叫号。</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="441"/>
        <source>Please place your ID card or social-security card on the reader and try again.</source>
        <translation>请将身份证或社保卡放在读卡区后重试。</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="443"/>
        <source>Please check the booking&apos;s QR code or the ID card it was made with, or take an ordinary number.</source>
        <translation>请核对预约二维码或预约时使用的身份证，也可以取普通号。</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="446"/>
        <source>Please take an ordinary number; the staff can see your booking at the window.</source>
        <translation>请取普通号，窗口工作人员可以查到您的预约。</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="448"/>
        <source>Check-in opens shortly before your booked time. Please come back then.</source>
        <translation>预约时间前不久才开始签到，请到时再来。</translation>
    </message>
    <message>
        <location filename="../ticket_machine.cpp" line="451"/>
        <source>Please try another ticket machine or ask at the information desk.</source>
        <translation>请换一台取号机，或到服务台咨询。</translation>
    </message>
    <message>
        <location filename="../green_channel.cpp" line="14"/>
        <source>This staff number, or this card, is not registered for the green channel.</source>
        <translation>该工号或证件未登记，不能办理绿色通道。</translation>
    </message>
    <message>
        <location filename="../green_channel.cpp" line="16"/>
        <source>Wrong staff number or PIN. Please try again.</source>
        <translation>工号或密码不正确，请重试。</translation>
    </message>
    <message>
        <location filename="../green_channel.cpp" line="18"/>
        <source>Too many wrong PINs: this staff number is locked for a while. Please use your ID card or ask the hall manager.</source>
        <translation>密码错误次数过多，该工号已暂时锁定。请刷本人身份证，或联系大厅管理员。</translation>
    </message>
    <message>
        <location filename="../green_channel.cpp" line="21"/>
        <source>The green channel needs the hall&apos;s server, which cannot be reached just now. An ordinary number can still be taken.</source>
        <translation>绿色通道需要连接大厅服务器，目前无法连接。仍可取普通号。</translation>
    </message>
    <message>
        <location filename="../green_channel.cpp" line="23"/>
        <source>The hall does not have this green-channel category.</source>
        <translation>本大厅没有该绿色通道类别。</translation>
    </message>
    <message>
        <location filename="../green_channel.cpp" line="39"/>
        <source>Elderly</source>
        <translation>老年人</translation>
    </message>
    <message>
        <location filename="../green_channel.cpp" line="40"/>
        <source>Disabled</source>
        <translation>残疾人</translation>
    </message>
    <message>
        <location filename="../green_channel.cpp" line="41"/>
        <source>Pregnant</source>
        <translation>孕妇</translation>
    </message>
    <message>
        <location filename="../green_channel.cpp" line="42"/>
        <source>Military</source>
        <translation>军人</translation>
    </message>
    <message>
        <location filename="../green_channel.cpp" line="62"/>
        <source>This card cannot be used here. Please enter your staff number and PIN.</source>
        <translation>此证件不能在此使用，请输入工号和密码。</translation>
    </message>
</context>
</TS>
