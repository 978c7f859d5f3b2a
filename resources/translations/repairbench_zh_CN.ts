<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminWorkspace</name>
    <message>
        <location filename="../../ui/admin/workspace.py" line="+48"/>
        <source>Center</source>
        <translation>维修中心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Policies and products</source>
        <translation>保修政策与产品</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../ui/repair/attachments_panel.py" line="+84"/>
        <source>For</source>
        <translation>归属</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finding</source>
        <translation>检测结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos and logs (*.jpg *.jpeg *.png *.heic *.webp *.log *.txt *.csv *.json *.pdf *.zip);;All files (*)</source>
        <translation>照片和日志 (*.jpg *.jpeg *.png *.heic *.webp *.log *.txt *.csv *.json *.pdf *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Attach photo / log…</source>
        <translation>附加照片 / 日志…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>unit</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the whole unit</source>
        <translation>整台设备</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+15"/>
        <source>Open a unit first.</source>
        <translation>请先打开一台设备。</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Attach photos or logs</source>
        <translation>附加照片或日志</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Attached {0}.</source>
        <translation>已附加 {0}。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose a file in the list first.</source>
        <translation>请先在列表中选择一个文件。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No program opens {0}; it is saved at {1}.</source>
        <translation>没有可打开 {0} 的程序；文件已保存在 {1}。</translation>
    </message>
</context>
<context>
    <name>CameraScanner</name>
    <message>
        <location filename="../../ui/scanner/camera.py" line="+149"/>
        <source>No camera found. Plug in a webcam (and allow camera access), or use a handheld scanner.</source>
        <translation>未找到摄像头。请插入网络摄像头（并允许访问摄像头），或使用手持扫描枪。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The camera failed: {0}. Check that no other program uses it, then start it again.</source>
        <translation>摄像头出错：{0}。请确认没有其他程序正在使用它，然后重新启动。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
</context>
<context>
    <name>CenterForm</name>
    <message>
        <location filename="../../ui/settings/center_form.py" line="+32"/>
        <source>Center name</source>
        <translation>维修中心名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address (one line each)</source>
        <translation>地址（每行一项）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar country</source>
        <translation>日历所属国家</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jasminer warranty (months)</source>
        <translation>Jasminer 保修期（月）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jomplair warranty (months)</source>
        <translation>Jomplair 保修期（月）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Printed documents&apos; language</source>
        <translation>打印文件的语言</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
</context>
<context>
    <name>CenterPage</name>
    <message>
        <location line="+21"/>
        <source>Shared by every station. Labels and reports print the name and address; deadlines count in the time zone and the country&apos;s calendar (open windows use a new time zone from their next start).</source>
        <translation>所有工作站共用。标签和报告会打印名称和地址；期限按时区和该国日历计算（已打开的窗口在下次启动后才使用新时区）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only a supervisor or an administrator changes the center&apos;s settings; they are shown here for reference.</source>
        <translation>只有主管或管理员可以修改维修中心的设置；此处仅供参考。</translation>
    </message>
</context>
<context>
    <name>CenterSettingsPage</name>
    <message>
        <location filename="../../ui/admin/workspace.py" line="+14"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/settings/dialog.py" line="+131"/>
        <source>Saving the center&apos;s settings…</source>
        <translation>正在保存维修中心设置…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>CloseParcelDialog</name>
    <message>
        <location filename="../../ui/intake/close_dialog.py" line="+35"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damaged box</source>
        <translation>外箱破损</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damaged unit</source>
        <translation>设备损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wet</source>
        <translation>受潮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened before arrival</source>
        <translation>到货前已被拆开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Photos (*.jpg *.jpeg *.png);;All files (*)</source>
        <translation>照片 (*.jpg *.jpeg *.png);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+50"/>
        <source>Refuse parcel</source>
        <translation>拒收包裹</translation>
    </message>
    <message>
        <location line="-50"/>
        <location line="+50"/>
        <source>Close parcel</source>
        <translation>关闭包裹</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Work order:</source>
        <translation>工单：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none matched</source>
        <translation>无匹配工单</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Condition (I4):</source>
        <translation>到货状况（I4）：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Inbound carrier:</source>
        <translation>来件承运商：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>scan the carrier&apos;s barcode or type it</source>
        <translation>扫描承运商条码或手动输入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tracking number:</source>
        <translation>运单号：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Photos:</source>
        <translation>照片：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Units still missing:</source>
        <translation>仍未到的设备：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refused by technician</source>
        <translation>技术员拒收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reasons:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>could not read {0}: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} ({1} KB)</source>
        <translation>{0}（{1} KB）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Photos of the parcel</source>
        <translation>包裹照片</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <location filename="../../ui/dashboard/charts.py" line="+39"/>
        <source>no work order</source>
        <translation>无工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not on work order</source>
        <translation>不在工单上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrong model</source>
        <translation>型号不符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>already received</source>
        <translation>已收过货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>work order closed</source>
        <translation>工单已结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>work order incomplete</source>
        <translation>工单信息不全</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing order number</source>
        <translation>缺少订单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing diagnosis report</source>
        <translation>缺少诊断报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unreadable</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keyboard layout</source>
        <translation>键盘布局错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ambiguous serial</source>
        <translation>序列号不唯一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parcel open</source>
        <translation>包裹未关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused by technician</source>
        <translation>技术员拒收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no reason given</source>
        <translation>未注明原因</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Parcels per week: received, and refused by reason</source>
        <translation>每周包裹：接收数及按原因统计的拒收数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parcels per day: received, and refused by reason</source>
        <translation>每日包裹：接收数及按原因统计的拒收数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>units</source>
        <translation>设备数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Units by state (work orders of the period)</source>
        <translation>各状态设备数（本期工单）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>90th percentile</source>
        <translation>第 90 百分位</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}&lt;br&gt;{1} units</source>
        <translation>{0}&lt;br&gt;{1} 台设备</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turnaround, received to shipped</source>
        <translation>周转时间（收货至发货）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due today and overdue on {0}, by rule</source>
        <translation>{0} 今日到期及已逾期（按规则）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no rule</source>
        <translation>无规则</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>met</source>
        <translation>达标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missed</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot tell</source>
        <translation>无法判断</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Service levels (D3): nothing to judge yet</source>
        <translation>服务水平（D3）：暂无可评估的请求</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service levels (D3): {0}% met</source>
        <translation>服务水平（D3）：达标率 {0}%</translation>
    </message>
</context>
<context>
    <name>DashboardExport</name>
    <message>
        <location filename="../../ui/dashboard/export.py" line="+61"/>
        <source>Cannot write {0}: {1}. Choose a file in a folder you may write to.</source>
        <translation>无法写入 {0}：{1}。请选择一个有写入权限的文件夹中的文件。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot save the picture to {0}; choose a folder you may write to.</source>
        <translation>无法将图片保存到 {0}；请选择一个有写入权限的文件夹。</translation>
    </message>
</context>
<context>
    <name>DashboardWorkspace</name>
    <message>
        <location filename="../../ui/dashboard/workspace.py" line="+86"/>
        <source>All policies</source>
        <translation>全部政策</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save picture…</source>
        <translation>保存图片…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Save this chart as a picture…</source>
        <translation>将此图表保存为图片…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{0} to {1}: {2} parcels received, {3} refused.</source>
        <translation>{0} 至 {1}：接收包裹 {2} 个，拒收 {3} 个。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The figures could not be loaded: {0}</source>
        <translation>无法加载数据：{0}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Export the figures</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Figures saved to {0}.</source>
        <translation>数据已保存到 {0}。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save the picture</source>
        <translation>保存图片</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Picture saved to {0}.</source>
        <translation>图片已保存到 {0}。</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <location filename="../../ui/settings/database_page.py" line="+45"/>
        <source>{0} is a folder; give the database file&apos;s name inside it.</source>
        <translation>{0} 是文件夹；请给出其中数据库文件的名称。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0} is not a database URL ({1}).</source>
        <translation>{0} 不是数据库 URL（{1}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} is not a database RepairBench works with; use sqlite, postgresql or mysql.</source>
        <translation>RepairBench 不支持数据库 {0}；请使用 sqlite、postgresql 或 mysql。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No database file at {0} yet; it is created at the next start.</source>
        <translation>{0} 尚无数据库文件；将在下次启动时创建。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connected to {0}.</source>
        <translation>已连接到 {0}。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>empty: $REPAIRBENCH_DB, else the file in your data folder; e.g. postgresql+psycopg://repair@dbserver/repairbench</source>
        <translation>留空：使用 $REPAIRBENCH_DB，否则使用数据文件夹中的文件；例如 postgresql+psycopg://repair@dbserver/repairbench</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Database URL</source>
        <translation>数据库 URL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open now</source>
        <translation>当前打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new database is used from the next start; --db and REPAIRBENCH_DB still take precedence.</source>
        <translation>新数据库从下次启动起使用；--db 和 REPAIRBENCH_DB 仍然优先。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <source>Database URL: </source>
        <translation>数据库 URL：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Testing the connection…</source>
        <translation>正在测试连接…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not connected: </source>
        <translation>未连接：</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <location filename="../../ui/shipping/documents.py" line="+41"/>
        <source>Labels of the open parcels</source>
        <translation>未发出包裹的标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair report</source>
        <translation>维修报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intake slip</source>
        <translation>收货单</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>This work order has no open parcels; pack its units first.</source>
        <translation>此工单没有未发出的包裹；请先打包其设备。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scan the waybill of parcel(s) {0} before printing the labels.</source>
        <translation>请先扫描包裹 {0} 的运单，再打印标签。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Select a work order first.</source>
        <translation>请先选择一张工单。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No parcel of work order {0} was received at intake, so there is no intake slip.</source>
        <translation>工单 {0} 没有在收货时收到过包裹，因此没有收货单。</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <location filename="../../ui/repair/events_panel.py" line="+38"/>
        <source>Return requested</source>
        <translation>已申请退货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return confirmed</source>
        <translation>已确认退货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specification mismatch confirmed</source>
        <translation>已确认规格不符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replacement approved</source>
        <translation>已批准换货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replacement delivered</source>
        <translation>换货已送达</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0}  {1} {2}{3}: {4}</source>
        <translation>{0}  {1} {2}{3}：{4}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Record date</source>
        <translation>记录日期</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason (return)</source>
        <translation>原因（退货）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recorded</source>
        <translation>已记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due dates</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason: {0}</source>
        <translation>原因：{0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing recorded yet.</source>
        <translation>尚无记录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No clock has started yet.</source>
        <translation>尚未开始计时。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open a unit first.</source>
        <translation>请先打开一台设备。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{0} on {1} recorded.</source>
        <translation>已记录 {1} 的{0}。</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../ui/signin.py" line="+117"/>
        <source>RepairBench: create the administrator</source>
        <translation>RepairBench：创建管理员</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This database has no users yet. Create the administrator, who then adds the others. Passwords need at least {0} characters.</source>
        <translation>此数据库还没有用户。请创建管理员，再由管理员添加其他用户。密码至少需要 {0} 个字符。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>IntakeWorkspace</name>
    <message>
        <location filename="../../ui/intake/bench.py" line="+114"/>
        <source>Scan the work-order barcode to start a parcel.</source>
        <extracomment>Item data of a checklist line: whether the unit is in. Lines the scan log keeps, newest first: a whole shift&apos;s scans would make every insert slower.</extracomment>
        <translation>请扫描工单条码，开始收一个包裹。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Expected units</source>
        <translation>应到设备</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scans of this parcel (newest first)</source>
        <translation>本包裹的扫描记录（最新在前）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Retry storing</source>
        <translation>重试保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not stored yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type a smudged number and press Enter</source>
        <translation>输入模糊不清的号码后按回车</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close parcel (F9)</source>
        <translation>关闭包裹（F9）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refuse parcel (F10)</source>
        <translation>拒收包裹（F10）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save slip (PDF)…</source>
        <translation>保存单据（PDF）…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Manual entry:</source>
        <translation>手动输入：</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>READY</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scan a work order or a serial.</source>
        <translation>请扫描工单或序列号。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>⚠ SCANNER</source>
        <translation>⚠ 扫描枪</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>ACCEPTED</source>
        <translation>接收</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>REJECTED</source>
        <translation>拒收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WORK ORDER</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="+69"/>
        <location line="+11"/>
        <source>⚠ NOT STORED</source>
        <translation>⚠ 未保存</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>{0}
The scan {1} and those after it are kept below; press Retry.</source>
        <translation>{0}
扫描 {1} 及其后的扫描保留在下方；请按“重试”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1 scan waiting</source>
        <translation>1 次扫描待保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} scans waiting</source>
        <translation>{0} 次扫描待保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>retrying now…</source>
        <translation>正在重试…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>retrying in {0} s</source>
        <translation>{0} 秒后重试</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database unreachable — {0}, {1}.
{2}
They are kept below and stored in order as soon as the database answers; Retry tries at once.</source>
        <translation>无法连接数据库 — {0}，{1}。
{2}
这些扫描保留在下方，数据库一恢复就按顺序保存；按“重试”可立即重试。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>keyboard</source>
        <translation>键盘</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>manual</source>
        <translation>手动输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>serial port</source>
        <translation>串口</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>⚠ WAIT</source>
        <translation>⚠ 请稍候</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} scan(s) are not stored yet: retry them before closing the parcel.</source>
        <translation>有 {0} 次扫描尚未保存：请先重试，再关闭包裹。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>NO PARCEL</source>
        <translation>无包裹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing scanned yet: there is no parcel to close.</source>
        <translation>尚未扫描任何内容：没有可关闭的包裹。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Condition: {0}. Carrier: {1}. Tracking: {2}.</source>
        <translation>到货状况：{0}。承运商：{1}。运单号：{2}。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>refusal slip</source>
        <translation>拒收单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>intake slip</source>
        <translation>收货单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> Missing: {0}.</source>
        <translation>缺少：{0}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PARCEL REFUSED</source>
        <translation>包裹已拒收</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PARCEL CLOSED</source>
        <translation>包裹已关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel {0}{1}: {2} unit(s) received.{3} Save the {4} with the button below.</source>
        <translation>包裹 {0}{1}：已收到 {2} 台设备。{3}请用下方按钮保存{4}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save {0} (PDF)…</source>
        <translation>保存{0}（PDF）…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan the work-order barcode to start the next parcel.</source>
        <translation>请扫描工单条码，开始下一个包裹。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refused</source>
        <translation>已拒收</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>accepted</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}  ■  parcel {1} {2}</source>
        <translation>{0}  ■  包裹 {1} {2}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>⚠ NOT CLOSED</source>
        <translation>⚠ 未关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}
The parcel is still open; close it again (F9).</source>
        <translation>{0}
包裹仍未关闭；请再次关闭（F9）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>⚠ SLIP</source>
        <translation>⚠ 单据</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save slip</source>
        <translation>保存单据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>LabelPrintRun</name>
    <message numerus="yes">
        <location filename="../../ui/shipping/print_run.py" line="+89"/>
        <source>{0} of %n label(s) went out and are marked printed; the other {1} are not.</source>
        <translation>
            <numerusform>%n 张标签中有 {0} 张已送出并标记为已打印；其余 {1} 张未打印。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No label is marked printed.</source>
        <translation>没有标签被标记为已打印。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printing cancelled: {0}</source>
        <translation>已取消打印：{0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not printed: {0} {1}</source>
        <translation>未打印：{0} {1}</translation>
    </message>
</context>
<context>
    <name>LabelPrinting</name>
    <message>
        <location filename="../../ui/printing/jobs.py" line="+54"/>
        <source>There are no labels to print.</source>
        <translation>没有要打印的标签。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The label could not be written to {0}: {1}</source>
        <translation>无法将标签写入 {0}：{1}</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <location line="+33"/>
        <source>%n label(s) sent to {0}.</source>
        <translation>
            <numerusform>已将 %n 张标签发送到 {0}。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Printer profile {0} names no printer; choose one in the print dialog.</source>
        <translation>打印机配置 {0} 未指定打印机；请在打印对话框中选择。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+50"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station: {0}   User: {1}</source>
        <translation>工作站：{0}   用户：{1}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Go to {0}</source>
        <translation>转到{0}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Lock station</source>
        <translation>锁定工作站(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find a work order</source>
        <translation>查找工单(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About RepairBench</source>
        <translation>关于 RepairBench(&amp;A)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Settings saved. The station name, language and database apply the next time RepairBench starts.</source>
        <translation>设置已保存。工作站名称、语言和数据库将在 RepairBench 下次启动时生效。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>development</source>
        <translation>开发版</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About RepairBench</source>
        <translation>关于 RepairBench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RepairBench {0}
Intake and repair desk for a hardware repair center.

{1}</source>
        <translation>RepairBench {0}
硬件维修中心的收货与维修工作台。

{1}</translation>
    </message>
</context>
<context>
    <name>ParcelColumns</name>
    <message>
        <location filename="../../ui/shipping/workspace.py" line="+47"/>
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payer</source>
        <translation>付款方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>COD</source>
        <translation>货到付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serials</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>PoliciesPage</name>
    <message>
        <location filename="../../ui/admin/workspace.py" line="+14"/>
        <source>Add a policy file…</source>
        <translation>添加政策文件…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Policies</source>
        <translation>保修政策</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Products and their policy</source>
        <translation>产品及其政策</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Policy file</source>
        <translation>政策文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Policy files (*.toml)</source>
        <translation>政策文件 (*.toml)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read {0}: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saving policy {0}…</source>
        <translation>正在保存政策 {0}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Policy {0} saved.</source>
        <translation>政策 {0} 已保存。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Assigning {0} to {1}…</source>
        <translation>正在将 {0} 指定给 {1}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} now follows {1}.</source>
        <translation>{0} 现在采用 {1}。</translation>
    </message>
</context>
<context>
    <name>PrintPanel</name>
    <message>
        <location filename="../../ui/shipping/print_panel.py" line="+40"/>
        <source>Choose a printer (print dialog)</source>
        <extracomment>Always offered: the computer&apos;s own printers, chosen in the print dialog each time.</extracomment>
        <translation>选择打印机（打印对话框）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Print labels</source>
        <translation>打印标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Print...</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview...</source>
        <translation>预览…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as PDF...</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Label printer</source>
        <translation>标签打印机</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+31"/>
        <source>Printing cancelled; nothing was printed.</source>
        <translation>已取消打印；未打印任何内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the chosen printer</source>
        <translation>所选打印机</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} of {1} sent to {2}.</source>
        <translation>{1} 的{0}已发送到{2}。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Preview closed; nothing was printed.</source>
        <translation>预览已关闭；未打印任何内容。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not printed: {0}</source>
        <translation>未打印：{0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} of {1} printed from the preview.</source>
        <translation>已从预览打印 {1} 的{0}。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{0} could not be saved: {1}.</source>
        <translation>无法保存 {0}：{1}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved {0}. Saving is not printing: the labels are not marked printed.</source>
        <translation>已保存 {0}。保存不等于打印：标签不会标记为已打印。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved {0}.</source>
        <translation>已保存 {0}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select a work order first (click it or scan its barcode).</source>
        <translation>请先选择一张工单（点击它或扫描其条码）。</translation>
    </message>
</context>
<context>
    <name>PrintRun</name>
    <message>
        <location filename="../../ui/shipping/print_run.py" line="-41"/>
        <source>Printing cancelled; nothing was printed.</source>
        <extracomment>A print job: gets the progress reporter and the cancel flag, returns what it did in one line.</extracomment>
        <translation>已取消打印；未打印任何内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not printed: {0}</source>
        <translation>未打印：{0}</translation>
    </message>
</context>
<context>
    <name>PrinterProfile</name>
    <message>
        <location filename="../../ui/printing/profiles.py" line="+44"/>
        <source>{0} is not a font stored in the printer: write its drive (R:, E:, B:, A: or Z:) and file name, e.g. E:SIMSUN.TTF, or leave it empty to print Chinese as graphics.</source>
        <translation>{0} 不是存储在打印机中的字体：请填写其驱动器（R:、E:、B:、A: 或 Z:）和文件名，例如 E:SIMSUN.TTF；留空则中文以图形方式打印。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Printer profile {0}: {1} is not host:port.</source>
        <translation>打印机配置 {0}：{1} 不是“主机:端口”格式。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Printer profile {0}: {1}</source>
        <translation>打印机配置 {0}：{1}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A printer profile needs a name.</source>
        <translation>打印机配置需要名称。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown kind {0}.</source>
        <translation>未知类型 {0}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a queue name</source>
        <translation>队列名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host:port</source>
        <translation>主机:端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer profile {0} needs {1}.</source>
        <translation>打印机配置 {0} 需要填写{1}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the resolution must be 203 or 300 dpi.</source>
        <translation>分辨率必须为 203 或 300 dpi。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the label size is out of range.</source>
        <translation>标签尺寸超出范围。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>copies must be between 1 and 20.</source>
        <translation>份数必须在 1 到 20 之间。</translation>
    </message>
</context>
<context>
    <name>PrintersPage</name>
    <message>
        <location line="-94"/>
        <source>Printer on this computer (print dialog, PDF rendered)</source>
        <translation>本机打印机（打印对话框，PDF 渲染）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label printer queue (raw ZPL)</source>
        <translation>标签打印机队列（原始 ZPL）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label printer on the network, port 9100 (raw ZPL)</source>
        <translation>网络标签打印机，端口 9100（原始 ZPL）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files in a folder</source>
        <translation>文件夹中的 PDF 文件</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printers_page.py" line="+44"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+1"/>
        <source> mm</source>
        <translation> 毫米</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} dpi</source>
        <translation>{0} dpi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none: Chinese prints as graphics</source>
        <translation>无：中文以图形方式打印</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A Chinese font stored in the label printer, e.g. E:SIMSUN.TTF: Chinese text then prints in the printer&apos;s own font, sharper and faster than graphics.</source>
        <translation>存储在标签打印机中的中文字体，例如 E:SIMSUN.TTF：中文将使用打印机自带的字体打印，比图形方式更清晰、更快。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Profile name</source>
        <translation>配置名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer kind</source>
        <translation>打印机类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer, queue, host:port or folder</source>
        <translation>打印机、队列、主机:端口或文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label width</source>
        <translation>标签宽度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label height</source>
        <translation>标签高度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution (ZPL)</source>
        <translation>分辨率（ZPL）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer&apos;s Chinese font (ZPL)</source>
        <translation>打印机中文字体（ZPL）</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Printer {0}</source>
        <translation>打印机 {0}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Printer profile {0}: {1}</source>
        <translation>打印机配置 {0}：{1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Two printer profiles are named {0}.</source>
        <translation>有两个打印机配置都名为 {0}。</translation>
    </message>
</context>
<context>
    <name>QtPrinting</name>
    <message>
        <location filename="../../ui/printing/qt_print.py" line="+66"/>
        <source>The document to print could not be read as a PDF.</source>
        <translation>要打印的文件无法作为 PDF 读取。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Printing a PDF through the print dialog needs QtPdf or poppler&apos;s pdftoppm (package poppler-utils); neither is installed.</source>
        <translation>通过打印对话框打印 PDF 需要 QtPdf 或 poppler 的 pdftoppm（软件包 poppler-utils），但两者都未安装。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Page {0} could not be prepared for printing: {1}</source>
        <translation>无法准备第 {0} 页的打印：{1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pdftoppm failed</source>
        <translation>pdftoppm 运行失败</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no printer {0} on this computer (printers: {1}).</source>
        <translation>本机没有打印机 {0}（现有打印机：{1}）。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The printer {0} could not be opened; check that it exists and is switched on.</source>
        <translation>无法打开打印机 {0}；请检查它是否存在并已开机。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The printer did not accept the job.</source>
        <translation>打印机未接受此打印任务。</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/repair/queue_model.py" line="+24"/>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>收货时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OVERDUE</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TODAY</source>
        <translation>今日到期</translation>
    </message>
</context>
<context>
    <name>QuotePdfBar</name>
    <message>
        <location filename="../../ui/repair/quote_pdf.py" line="+78"/>
        <source>Save quote PDF…</source>
        <translation>保存报价单 PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Open a unit first.</source>
        <translation>请先打开一台设备。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The quote on screen is not saved: save it (Ctrl+S) first, so the PDF shows what the customer is asked.</source>
        <translation>屏幕上的报价尚未保存：请先保存（Ctrl+S），使 PDF 与向客户报出的内容一致。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rendering the quote…</source>
        <translation>正在生成报价单…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The quote could not be rendered: {0}</source>
        <translation>无法生成报价单：{0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Quote PDF not saved.</source>
        <translation>报价单 PDF 未保存。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not save {0}: {1}</source>
        <translation>无法保存 {0}：{1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quote v{0} ({1}) saved to {2}. Open it with “Open PDF” ({3}).</source>
        <translation>报价单 v{0}（{1}）已保存到 {2}。可用“打开 PDF”（{3}）查看。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save quote</source>
        <translation>保存报价单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the quote PDF first.</source>
        <translation>请先保存报价单 PDF。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No program opens PDFs here; the file is {0}.</source>
        <translation>本机没有可打开 PDF 的程序；文件位于 {0}。</translation>
    </message>
</context>
<context>
    <name>RawPrinting</name>
    <message>
        <location filename="../../ui/printing/raw.py" line="+37"/>
        <source>The number of copies must be at least 1.</source>
        <translation>份数至少为 1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This printer profile names neither a queue nor a host:port.</source>
        <translation>此打印机配置既没有指定队列，也没有指定“主机:端口”。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The CUPS client &apos;lp&apos; is not installed; install cups-client or use a printer profile that prints over TCP port 9100.</source>
        <translation>未安装 CUPS 客户端 &apos;lp&apos;；请安装 cups-client，或使用通过 TCP 端口 9100 打印的打印机配置。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The print queue {0} did not answer within {1:.0f} s; is the CUPS scheduler running?</source>
        <translation>打印队列 {0} 在 {1:.0f} 秒内没有响应；CUPS 调度程序是否在运行？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>lp exited with code {0}</source>
        <translation>lp 退出，代码 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The print queue {0} refused the label: {1}</source>
        <translation>打印队列 {0} 拒绝了此标签：{1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+50"/>
        <source>sent to {0}</source>
        <translation>已发送到 {0}</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>The printer at {0}:{1} cannot be reached ({2}); check that it is on, connected and that the address is right.</source>
        <translation>无法连接位于 {0}:{1} 的打印机（{2}）；请检查它是否已开机、已连接，以及地址是否正确。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sent {0} bytes to {1}:{2}</source>
        <translation>已向 {1}:{2} 发送 {0} 字节</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Raw printing to a Windows printer needs the pywin32 package; install it or print over TCP port 9100.</source>
        <translation>向 Windows 打印机直接打印需要 pywin32 软件包；请安装它，或通过 TCP 端口 9100 打印。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no printer named {0} on this computer.</source>
        <translation>本机没有名为 {0} 的打印机。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The printer {0} refused the job: {1}</source>
        <translation>打印机 {0} 拒绝了此任务：{1}</translation>
    </message>
</context>
<context>
    <name>RepairWords</name>
    <message>
        <location filename="../../ui/repair/words.py" line="+18"/>
        <source>product defect</source>
        <translation>产品缺陷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user damage</source>
        <translation>人为损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>logistics damage</source>
        <translation>物流损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no fault found</source>
        <translation>未发现故障</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>counterfeit</source>
        <translation>假冒产品</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>covered</source>
        <translation>在保</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not covered</source>
        <translation>不在保</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot tell</source>
        <translation>无法判定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>portal</source>
        <translation>门户网站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in person</source>
        <translation>当面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chat</source>
        <translation>在线聊天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cash on delivery</source>
        <translation>货到付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>superseded</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>return window</source>
        <translation>退货期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>send back</source>
        <translation>寄回期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>spec mismatch</source>
        <translation>规格不符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>return by</source>
        <translation>回寄期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>repair by</source>
        <translation>维修期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replacement ship by</source>
        <translation>换货发货期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>faulty part due</source>
        <translation>故障件寄回期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>service level</source>
        <translation>服务水平</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>calendar not announced</source>
        <translation>日历尚未公布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
</context>
<context>
    <name>RepairWorkspace</name>
    <message>
        <location filename="../../ui/repair/workspace.py" line="+21"/>
        <source>My units</source>
        <translation>我的设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for diagnosis</source>
        <translation>等待检测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for customer</source>
        <translation>等待客户答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In repair</source>
        <translation>维修中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due today / overdue</source>
        <translation>今日到期 / 已逾期</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No unit with serial {0}.</source>
        <translation>没有序列号为 {0} 的设备。</translation>
    </message>
</context>
<context>
    <name>ReturnColumns</name>
    <message>
        <location filename="../../ui/shipping/returns_model.py" line="+31"/>
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrived</source>
        <translation>到货时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return address</source>
        <translation>回寄地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why refused</source>
        <translation>拒收原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Came with</source>
        <translation>来件承运商</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>(none matched)</source>
        <translation>（无匹配工单）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(type it from the parcel)</source>
        <translation>（请按包裹上的地址输入）</translation>
    </message>
</context>
<context>
    <name>ReturnsPanel</name>
    <message>
        <location filename="../../ui/shipping/returns_panel.py" line="+61"/>
        <source>The refused parcels could not be read: {0}</source>
        <translation>无法读取拒收包裹：{0}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>scan the waybill of the carrier taking it back</source>
        <translation>扫描退回承运商的运单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print refusal slip...</source>
        <translation>打印拒收单…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Print slip on label printer</source>
        <translation>在标签打印机上打印拒收单</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This station has no ZPL label printer profile (Settings &gt; Printers and labels).</source>
        <translation>此工作站没有 ZPL 标签打印机配置（设置 &gt; 打印机与标签）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save refusal slip as PDF...</source>
        <translation>将拒收单保存为 PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark returned to sender (Ctrl+Return)</source>
        <translation>标记为已退回寄件人（Ctrl+Return）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Return address</source>
        <translation>回寄地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waybill</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label printer</source>
        <translation>标签打印机</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n refused parcel(s) waiting to go back to the sender.</source>
        <translation>
            <numerusform>有 %n 个拒收包裹等待退回寄件人。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No work order matched: type the sender&apos;s address from the parcel&apos;s own label.</source>
        <translation>没有匹配的工单：请按包裹自身标签上的寄件人地址输入。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No refused parcel is waiting to go back.</source>
        <translation>没有等待退回的拒收包裹。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waybill {0} read: check the address and mark the parcel returned.</source>
        <translation>已读取运单 {0}：请核对地址，然后将包裹标记为已退回。</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+66"/>
        <source>Select a refused parcel first.</source>
        <translation>请先选择一个拒收包裹。</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Printing cancelled; nothing was printed.</source>
        <translation>已取消打印；未打印任何内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the chosen printer</source>
        <translation>所选打印机</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+12"/>
        <source>Refusal slip of parcel {0} sent to {1}.</source>
        <translation>包裹 {0} 的拒收单已发送到{1}。</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Select a refused parcel and a label printer first.</source>
        <translation>请先选择一个拒收包裹和一台标签打印机。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{0} could not be saved: {1}.</source>
        <translation>无法保存 {0}：{1}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved {0}.</source>
        <translation>已保存 {0}。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Parcel {0} returned to its sender with {1} {2}, to {3}.</source>
        <translation>包裹 {0} 已由 {1} 退回寄件人（运单号 {2}），寄往 {3}。</translation>
    </message>
</context>
<context>
    <name>RoleRequiredPage</name>
    <message>
        <location filename="../../ui/dashboard/workspace.py" line="-153"/>
        <source>The dashboard needs the supervisor role (or administrator).
Sign in with such an account to see the center&apos;s figures.</source>
        <translation>仪表盘需要主管（或管理员）角色。
请使用此类账号登录以查看维修中心的数据。</translation>
    </message>
</context>
<context>
    <name>SaveProgress</name>
    <message>
        <location filename="../../ui/admin/save_progress.py" line="+58"/>
        <source>Another save is still recomputing due dates; wait for it to finish, then save again.</source>
        <translation>另一次保存仍在重新计算到期日；请等待其完成后再保存。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>due dates: %v of %m work orders</source>
        <translation>到期日：第 %v / %m 张工单</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not saved: the database did not answer ({0}). Nothing was changed; try again.</source>
        <translation>未保存：数据库没有响应（{0}）。未做任何更改；请重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved: {0}. Nothing was changed; try again.</source>
        <translation>未保存：{0}。未做任何更改；请重试。</translation>
    </message>
</context>
<context>
    <name>ScanQueue</name>
    <message>
        <location filename="../../ui/intake/scan_queue.py" line="+177"/>
        <source>The database did not answer ({0}: {1}).</source>
        <extracomment>Decides and stores one scan: (raw, parcel id, client id) -&gt; outcome. Seconds before each automatic retry after consecutive failures; the last repeats forever. Pauses between automatic retries, in seconds (tests shorten them).</extracomment>
        <translation>数据库没有响应（{0}：{1}）。</translation>
    </message>
</context>
<context>
    <name>ScannerPage</name>
    <message>
        <location filename="../../ui/settings/scanner_page.py" line="+24"/>
        <source>Serial-port scanner: </source>
        <translation>串口扫描枪：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key gap: give the longest gap between scanner keys in milliseconds, from {0} to {1}.</source>
        <translation>按键间隔：请填写扫描枪按键之间的最长间隔（毫秒），范围 {0} 到 {1}。</translation>
    </message>
</context>
<context>
    <name>ScannerSettingsPage</name>
    <message>
        <location filename="../../ui/admin/scanner_settings.py" line="+28"/>
        <source>A port name has no spaces (e.g. /dev/ttyACM0 or COM3).</source>
        <translation>端口名称不能包含空格（例如 /dev/ttyACM0 或 COM3）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>none (keyboard scanner); e.g. /dev/ttyACM0 or COM3</source>
        <translation>无（键盘式扫描枪）；例如 /dev/ttyACM0 或 COM3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scan with the webcam</source>
        <translation>使用网络摄像头扫描</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Serial-port scanner</source>
        <translation>串口扫描枪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baud rate</source>
        <translation>波特率</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Test: scan here to see exactly what the scanner sends.</source>
        <translation>测试：在此扫描，查看扫描枪实际发送的内容。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved. The intake bench uses it from its next start.</source>
        <translation>已保存。收货工作台下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>ScannerTestPage</name>
    <message>
        <location filename="../../ui/scanner/test_page.py" line="+43"/>
        <source>Scanner test</source>
        <extracomment>The page is for trying a scanner, not a log: old rows go so it never grows without bound.</extracomment>
        <translation>扫描枪测试</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan a barcode. Each scan appears below as it arrived.</source>
        <translation>请扫描条码。每次扫描都会按收到的原样显示在下方。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Raw</source>
        <translation>原始内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Symbology</source>
        <translation>码制</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key gaps</source>
        <translation>按键间隔</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Longest gap between scanner keys:</source>
        <translation>扫描枪按键最长间隔：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>keyboard</source>
        <translation>键盘</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Scan read.</source>
        <translation>已读取扫描。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan read, but the slowest key gap (%1 ms) is close to the limit: raise the limit or the scanner&apos;s transmit speed.</source>
        <translation>已读取扫描，但最慢的按键间隔（%1 毫秒）接近上限：请提高上限或扫描枪的传输速度。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan read; keys were at most %1 ms apart.</source>
        <translation>已读取扫描；按键间隔最多 %1 毫秒。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} ms (max {1})</source>
        <translation>{0} 毫秒（最大 {1}）</translation>
    </message>
</context>
<context>
    <name>SerialScanner</name>
    <message>
        <location filename="../../ui/scanner/serial.py" line="+151"/>
        <source>The scanner on {0} stopped answering (unplugged?): {1}. Plug it in again and reopen the port in settings.</source>
        <extracomment>A line longer than this without CR/LF is not a barcode: the port is misconfigured (wrong baud rate gives endless garbage) or the device is not a scanner. Cut it off rather than grow forever.</extracomment>
        <translation>{0} 上的扫描枪没有响应（被拔出？）：{1}。请重新插好，并在设置中重新打开端口。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scanner port {0}: {1}.</source>
        <translation>扫描枪端口 {0}：{1}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Check that the scanner is plugged in and the port name in settings is right.</source>
        <translation>请检查扫描枪是否已插好，以及设置中的端口名称是否正确。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another program may be using it, or this user may not access serial ports (on Linux: add the user to the &apos;dialout&apos; group).</source>
        <translation>可能有其他程序正在使用它，或此用户无权访问串口（Linux 上：将用户加入 &apos;dialout&apos; 组）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the cable and the port settings.</source>
        <translation>请检查线缆和端口设置。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot open the scanner port {0}: {1}. {2}</source>
        <translation>无法打开扫描枪端口 {0}：{1}。{2}</translation>
    </message>
</context>
<context>
    <name>Service types</name>
    <message>
        <location filename="../../ui/work_orders/states.py" line="+34"/>
        <source>repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replacement</source>
        <translation>换货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>advance replacement</source>
        <translation>预先换货</translation>
    </message>
</context>
<context>
    <name>ServiceRecord</name>
    <message>
        <location filename="../../ui/work_orders/service_record.py" line="+37"/>
        <source>nothing yet</source>
        <translation>暂无记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority:</source>
        <translation>优先级：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Order number:</source>
        <translation>订单号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted:</source>
        <translation>提交时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service:</source>
        <translation>服务类型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email:</source>
        <translation>电子邮件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return address:</source>
        <translation>回寄地址：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fault:</source>
        <translation>故障：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units ({0})</source>
        <translation>设备（{0}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>收货时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warranty</source>
        <translation>保修</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
</context>
<context>
    <name>ServiceRecordDialog</name>
    <message>
        <location line="+27"/>
        <source>Service record {0}</source>
        <translation>服务记录 {0}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings/center_form.py" line="-13"/>
        <source>Center</source>
        <translation>维修中心</translation>
    </message>
    <message>
        <location filename="../../ui/settings/database_page.py" line="-48"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="-88"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printers_page.py" line="-121"/>
        <source>Printers and labels</source>
        <translation>打印机与标签</translation>
    </message>
    <message>
        <location filename="../../ui/settings/scanner_page.py" line="-14"/>
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <location filename="../../ui/settings/station_page.py" line="+31"/>
        <source>Station</source>
        <extracomment>The database keeps at most this many characters of a station&apos;s name with each record.</extracomment>
        <translation>工作站</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Sounds</source>
        <translation>声音</translation>
    </message>
</context>
<context>
    <name>ShippingDialogs</name>
    <message>
        <location filename="../../ui/shipping/dialogs.py" line="+32"/>
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shipping</source>
        <translation>发货</translation>
    </message>
</context>
<context>
    <name>ShippingWorkspace</name>
    <message>
        <location filename="../../ui/shipping/workspace.py" line="+5"/>
        <source>SF and 12 to 15 digits</source>
        <translation>SF 加 12 到 15 位数字</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Address / work order / unit</source>
        <translation>地址 / 工单 / 设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>standard, express ...</source>
        <translation>标准、特快…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>all in one parcel</source>
        <translation>全部装在一个包裹里</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pack selected units</source>
        <translation>打包所选设备</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>scan the carrier&apos;s waybill barcode for the selected parcel</source>
        <translation>为所选包裹扫描承运商运单条码</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ship selected parcels</source>
        <translation>发出所选包裹</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units per parcel</source>
        <translation>每个包裹的设备数</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ready to ship</source>
        <translation>待发货</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused parcels to return</source>
        <translation>待退回的拒收包裹</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>(no return address)</source>
        <translation>（无回寄地址）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>parcel {0}</source>
        <translation>包裹 {0}</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n 台设备</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Pack one work order at a time: its units share one return address.</source>
        <translation>请一次打包一张工单：其设备使用同一个回寄地址。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Tick the units to pack first.</source>
        <translation>请先勾选要打包的设备。</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n parcel(s) packed for {0}. Scan each waybill.</source>
        <translation>
            <numerusform>已为 {0} 打包 %n 个包裹。请扫描每个运单。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Wait for the printing to finish (or cancel it), then scan again.</source>
        <translation>请等待打印完成（或取消打印），然后重新扫描。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Work order {0} has no units ready to ship.</source>
        <translation>工单 {0} 没有待发货的设备。</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Work order {0}: %n open parcel(s); scan each waybill.</source>
        <translation>
            <numerusform>工单 {0}：有 %n 个未发出的包裹；请扫描每个运单。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Work order {0}: tick its units and pack them.</source>
        <translation>工单 {0}：请勾选其设备并打包。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Scan the work order first, then select the parcel whose waybill you scan.</source>
        <translation>请先扫描工单，再选择要扫描运单的包裹。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select the parcel whose waybill you scan.</source>
        <translation>请选择要扫描运单的包裹。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} is neither a work order nor a {1} tracking number ({2}).</source>
        <translation>{0} 既不是工单，也不是 {1} 运单号（{2}）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Parcel {0}/{1}: {2}.</source>
        <translation>包裹 {0}/{1}：{2}。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the pattern {0}</source>
        <translation>格式 {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>8 to 30 letters and digits</source>
        <translation>8 到 30 位字母和数字</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Select the parcels to ship.</source>
        <translation>请选择要发出的包裹。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The label of parcel(s) {0} of {1} has not been printed. Ship without a printed label?</source>
        <translation>{1} 的包裹 {0} 的标签尚未打印。仍要在没有打印标签的情况下发货吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing shipped: print the labels first.</source>
        <translation>未发货：请先打印标签。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Parcel {0}/{1} of {2} shipped with {3} {4}.</source>
        <translation>{2} 的包裹 {0}/{1} 已由 {3} 发出，运单号 {4}。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n parcel(s) of {0} shipped.</source>
        <translation>
            <numerusform>{0} 的 %n 个包裹已发出。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsOverlay</name>
    <message>
        <location filename="../../ui/shortcuts.py" line="+27"/>
        <source>Everywhere</source>
        <translation>全局</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>(no description)</source>
        <translation>（无说明）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter: a key or a word</source>
        <translation>筛选：按键或字词</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What it does</source>
        <translation>功能</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close this list</source>
        <translation>关闭此列表</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/signin.py" line="-72"/>
        <source>RepairBench: station locked</source>
        <translation>RepairBench：工作站已锁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RepairBench: sign in</source>
        <translation>RepairBench：登录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The station was locked after a pause. {0}, enter your password to go on.</source>
        <translation>工作站因闲置已锁定。{0}，请输入密码继续。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Only {0} can unlock this station.</source>
        <translation>只有 {0} 可以解锁此工作站。</translation>
    </message>
</context>
<context>
    <name>SoundsPage</name>
    <message>
        <location filename="../../ui/settings/station_page.py" line="+9"/>
        <source>muted</source>
        <translation>静音</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} %</source>
        <translation>{0}%</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Verdict sound volume</source>
        <translation>判定提示音音量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play ACCEPTED</source>
        <translation>试听“接收”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play REJECTED</source>
        <translation>试听“拒收”</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This computer has no working sound output.</source>
        <translation>此电脑没有可用的音频输出。</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../../ui/start.py" line="+98"/>
        <source>RepairBench: sign in</source>
        <translation>RepairBench：登录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database settings…</source>
        <translation>数据库设置…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The database could not be opened ({0}).</source>
        <translation>无法打开数据库（{0}）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the database address (--db, the REPAIRBENCH_DB variable or Edit &gt; Settings &gt; Database) and that its server is running, then start RepairBench again.</source>
        <translation>请检查数据库地址（--db、REPAIRBENCH_DB 环境变量或“编辑 &gt; 设置 &gt; 数据库”）以及数据库服务器是否在运行，然后重新启动 RepairBench。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Database settings</source>
        <translation>数据库设置</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The database address is saved. Start RepairBench again to open it.</source>
        <translation>数据库地址已保存。请重新启动 RepairBench 以打开该数据库。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The database is still opening; you are signed in as soon as it is ready.</source>
        <translation>数据库仍在打开中；就绪后将自动为您登录。</translation>
    </message>
</context>
<context>
    <name>States</name>
    <message>
        <location filename="../../ui/work_orders/states.py" line="-23"/>
        <source>awaiting parcel</source>
        <translation>待收包裹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>partly received</source>
        <translation>部分收货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>partly shipped</source>
        <translation>部分发货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused</source>
        <translation>已拒收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in diagnosis</source>
        <translation>检测中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quote sent</source>
        <translation>已发报价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quote accepted</source>
        <translation>报价已确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in repair</source>
        <translation>维修中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>return unrepaired</source>
        <translation>未修退回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replacement</source>
        <translation>换货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>return refund</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>testing</source>
        <translation>测试中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ready to ship</source>
        <translation>待发货</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <location filename="../../ui/settings/station_page.py" line="-64"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Station name</source>
        <translation>工作站名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded with every scan and change made here; used from the next start.</source>
        <translation>随此处的每次扫描和修改一起记录；下次启动时生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language applies the next time RepairBench starts.</source>
        <translation>语言将在 RepairBench 下次启动时生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock the station after</source>
        <translation>闲置多久后锁定工作站</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Station name: a station needs a name; it is recorded with every scan.</source>
        <translation>工作站名称：工作站必须有名称，每次扫描都会记录它。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Station name: at most {0} characters.</source>
        <translation>工作站名称：最多 {0} 个字符。</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <location filename="../../ui/repair/unit_page.py" line="+164"/>
        <source>Irreparable</source>
        <translation>无法维修</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason (supervisor)</source>
        <translation>原因（主管）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause</source>
        <translation>故障原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exclusions</source>
        <translation>除外情形</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decision</source>
        <translation>判定</translation>
    </message>
    <message>
        <location line="-110"/>
        <location line="+111"/>
        <source>Override</source>
        <translation>改判</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>Save findings</source>
        <translation>保存检测结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start diagnosis</source>
        <translation>开始检测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record diagnosis</source>
        <translation>记录诊断</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save quote</source>
        <translation>保存报价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send quote</source>
        <translation>发送报价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>客户接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declined</source>
        <translation>客户拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start repair</source>
        <translation>开始维修</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record action</source>
        <translation>记录维修操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish repair</source>
        <translation>完成维修</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final test passed</source>
        <translation>终检通过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Intake</source>
        <translation>收货</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Findings</source>
        <translation>检测结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quote</source>
        <translation>报价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returns &amp;&amp; replacement</source>
        <translation>退货与换货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>维修操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Part</source>
        <translation>零件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Old serial</source>
        <translation>旧序列号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New serial</source>
        <translation>新序列号</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>water, drop, torn_label ...</source>
        <translation>water、drop、torn_label…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disc. %</source>
        <translation>折扣 %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tax %</source>
        <translation>税率 %</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Amount paid</source>
        <translation>已付金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The day the customer paid</source>
        <translation>客户付款日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record payment</source>
        <translation>记录付款</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Condition on arrival: {0}
Photos: {1}</source>
        <translation>到货状况：{0}
照片：{1}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} (rule {1}, {2} .. {3})</source>
        <translation>{0}（规则 {1}，{2} 至 {3}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — override: {0}</source>
        <translation> — 改判：{0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paid on {0}.</source>
        <translation>已于 {0} 付款。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>v{0} {1}: {2} {3}, valid until {4}</source>
        <translation>v{0} {1}：{2} {3}，有效期至 {4}</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Diagnosis started.</source>
        <translation>已开始检测。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Findings saved.</source>
        <translation>检测结果已保存。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Diagnosis recorded.</source>
        <translation>诊断已记录。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decision overridden.</source>
        <translation>已改判。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Quote saved.</source>
        <translation>报价已保存。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save a quote first.</source>
        <translation>请先保存报价。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quote sent.</source>
        <translation>报价已发送。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no quote to answer.</source>
        <translation>没有待答复的报价。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer accepted.</source>
        <translation>客户已接受。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer declined.</source>
        <translation>客户已拒绝。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Payment recorded.</source>
        <translation>付款已记录。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Repair started.</source>
        <translation>已开始维修。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Repair action recorded.</source>
        <translation>维修操作已记录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Repair finished; testing.</source>
        <translation>维修完成，正在测试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready to ship.</source>
        <translation>待发货。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>  ·  next due {0} ({1} {2})</source>
        <translation>  ·  下一个到期日 {0}（{1} {2}）</translation>
    </message>
</context>
<context>
    <name>WorkOrderBrowser</name>
    <message>
        <location filename="../../ui/work_orders/browser.py" line="+40"/>
        <source>Search work order, order number, serial, customer name or phone</source>
        <translation>搜索工单、订单号、序列号、客户姓名或电话</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>%n work order(s)</source>
        <translation>
            <numerusform>共 %n 张工单</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkOrderColumns</name>
    <message>
        <location filename="../../ui/work_orders/browser_model.py" line="+32"/>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units</source>
        <translation>设备数</translation>
    </message>
</context>
<context>
    <name>Workspaces</name>
    <message>
        <location filename="../../ui/main_window.py" line="-139"/>
        <source>Intake</source>
        <translation>收货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping</source>
        <translation>发货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admin</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_tabs.py" line="+91"/>
        <source>This workspace could not be opened: {0}

Check the database connection, then open the tab again.</source>
        <translation>无法打开此工作区：{0}

请检查数据库连接，然后重新打开此标签页。</translation>
    </message>
</context>
</TS>
