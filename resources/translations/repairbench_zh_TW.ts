<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AdminWorkspace</name>
    <message>
        <location filename="../../ui/admin/workspace.py" line="+48"/>
        <source>Center</source>
        <translation>維修中心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Policies and products</source>
        <translation>保固政策與產品</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scanner</source>
        <translation>掃描器</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not saved</source>
        <translation>未儲存</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../ui/repair/attachments_panel.py" line="+84"/>
        <source>For</source>
        <translation>歸屬</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finding</source>
        <translation>檢測結果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added by</source>
        <translation>新增者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>新增時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos and logs (*.jpg *.jpeg *.png *.heic *.webp *.log *.txt *.csv *.json *.pdf *.zip);;All files (*)</source>
        <translation>照片與記錄檔 (*.jpg *.jpeg *.png *.heic *.webp *.log *.txt *.csv *.json *.pdf *.zip);;所有檔案 (*)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Attach photo / log…</source>
        <translation>附加照片 / 記錄檔…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>unit</source>
        <translation>設備</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the whole unit</source>
        <translation>整台設備</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+15"/>
        <source>Open a unit first.</source>
        <translation>請先開啟一台設備。</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Attach photos or logs</source>
        <translation>附加照片或記錄檔</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Attached {0}.</source>
        <translation>已附加 {0}。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose a file in the list first.</source>
        <translation>請先在清單中選擇一個檔案。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No program opens {0}; it is saved at {1}.</source>
        <translation>沒有可開啟 {0} 的程式；檔案已儲存在 {1}。</translation>
    </message>
</context>
<context>
    <name>CameraScanner</name>
    <message>
        <location filename="../../ui/scanner/camera.py" line="+149"/>
        <source>No camera found. Plug in a webcam (and allow camera access), or use a handheld scanner.</source>
        <translation>找不到攝影機。請接上網路攝影機（並允許存取攝影機），或使用手持掃描器。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The camera failed: {0}. Check that no other program uses it, then start it again.</source>
        <translation>攝影機發生錯誤：{0}。請確認沒有其他程式正在使用它，然後重新啟動。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown error</source>
        <translation>未知錯誤</translation>
    </message>
</context>
<context>
    <name>CenterForm</name>
    <message>
        <location filename="../../ui/settings/center_form.py" line="+32"/>
        <source>Center name</source>
        <translation>維修中心名稱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address (one line each)</source>
        <translation>地址（每行一項）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>時區</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar country</source>
        <translation>行事曆所屬國家</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>幣別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jasminer warranty (months)</source>
        <translation>Jasminer 保固期（月）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jomplair warranty (months)</source>
        <translation>Jomplair 保固期（月）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Printed documents&apos; language</source>
        <translation>列印文件的語言</translation>
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
        <translation>所有工作站共用。標籤與報告會列印名稱和地址；期限依時區及該國行事曆計算（已開啟的視窗要在下次啟動後才會使用新時區）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only a supervisor or an administrator changes the center&apos;s settings; they are shown here for reference.</source>
        <translation>只有主管或管理員可以修改維修中心的設定；此處僅供參考。</translation>
    </message>
</context>
<context>
    <name>CenterSettingsPage</name>
    <message>
        <location filename="../../ui/admin/workspace.py" line="+14"/>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Saving…</source>
        <translation>正在儲存…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/settings/dialog.py" line="+131"/>
        <source>Saving the center&apos;s settings…</source>
        <translation>正在儲存維修中心設定…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved.</source>
        <translation>已儲存。</translation>
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
        <translation>外箱破損</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damaged unit</source>
        <translation>設備損壞</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wet</source>
        <translation>受潮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened before arrival</source>
        <translation>到貨前已被拆開</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Photos (*.jpg *.jpeg *.png);;All files (*)</source>
        <translation>照片 (*.jpg *.jpeg *.png);;所有檔案 (*)</translation>
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
        <translation>關閉包裹</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Work order:</source>
        <translation>工單：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none matched</source>
        <translation>無相符工單</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Condition (I4):</source>
        <translation>到貨狀況（I4）：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Inbound carrier:</source>
        <translation>來件貨運業者：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>scan the carrier&apos;s barcode or type it</source>
        <translation>掃描貨運業者條碼或手動輸入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tracking number:</source>
        <translation>追蹤號碼：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes:</source>
        <translation>備註：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add photos…</source>
        <translation>新增照片…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Photos:</source>
        <translation>照片：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Units still missing:</source>
        <translation>仍未到的設備：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refused by technician</source>
        <translation>技術人員拒收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reasons:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>could not read {0}: {1}</source>
        <translation>無法讀取 {0}：{1}</translation>
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
        <translation>無工單</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not on work order</source>
        <translation>不在工單上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrong model</source>
        <translation>型號不符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>already received</source>
        <translation>已收過貨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>work order closed</source>
        <translation>工單已結束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>work order incomplete</source>
        <translation>工單資料不全</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing order number</source>
        <translation>缺少訂單號碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing diagnosis report</source>
        <translation>缺少診斷報告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unreadable</source>
        <translation>無法辨識</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keyboard layout</source>
        <translation>鍵盤配置錯誤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ambiguous serial</source>
        <translation>序號不唯一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parcel open</source>
        <translation>包裹未關閉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused by technician</source>
        <translation>技術人員拒收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no reason given</source>
        <translation>未註明原因</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Parcels per week: received, and refused by reason</source>
        <translation>每週包裹：接收數及依原因統計的拒收數</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parcels per day: received, and refused by reason</source>
        <translation>每日包裹：接收數及依原因統計的拒收數</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>units</source>
        <translation>設備數</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Units by state (work orders of the period)</source>
        <translation>各狀態設備數（本期工單）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>median</source>
        <translation>中位數</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>90th percentile</source>
        <translation>第 90 百分位</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}&lt;br&gt;{1} units</source>
        <translation>{0}&lt;br&gt;{1} 台設備</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turnaround, received to shipped</source>
        <translation>週轉時間（收貨至出貨）</translation>
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
        <translation>{0} 今日到期及已逾期（依規則）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no rule</source>
        <translation>無規則</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>met</source>
        <translation>達標</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missed</source>
        <translation>未達標</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot tell</source>
        <translation>無法判斷</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Service levels (D3): nothing to judge yet</source>
        <translation>服務水準（D3）：尚無可評估的請求</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service levels (D3): {0}% met</source>
        <translation>服務水準（D3）：達標率 {0}%</translation>
    </message>
</context>
<context>
    <name>DashboardExport</name>
    <message>
        <location filename="../../ui/dashboard/export.py" line="+61"/>
        <source>Cannot write {0}: {1}. Choose a file in a folder you may write to.</source>
        <translation>無法寫入 {0}：{1}。請選擇一個有寫入權限的資料夾中的檔案。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot save the picture to {0}; choose a folder you may write to.</source>
        <translation>無法將圖片儲存到 {0}；請選擇一個有寫入權限的資料夾。</translation>
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
        <translation>重新整理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>匯出 CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save picture…</source>
        <translation>儲存圖片…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>From</source>
        <translation>從</translation>
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
        <translation>將此圖表儲存為圖片…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Loading…</source>
        <translation>正在載入…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{0} to {1}: {2} parcels received, {3} refused.</source>
        <translation>{0} 至 {1}：接收包裹 {2} 個，拒收 {3} 個。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The figures could not be loaded: {0}</source>
        <translation>無法載入數據：{0}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Export the figures</source>
        <translation>匯出數據</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Figures saved to {0}.</source>
        <translation>數據已儲存到 {0}。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save the picture</source>
        <translation>儲存圖片</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Picture saved to {0}.</source>
        <translation>圖片已儲存到 {0}。</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <location filename="../../ui/settings/database_page.py" line="+45"/>
        <source>{0} is a folder; give the database file&apos;s name inside it.</source>
        <translation>{0} 是資料夾；請提供其中資料庫檔案的名稱。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0} is not a database URL ({1}).</source>
        <translation>{0} 不是資料庫 URL（{1}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} is not a database RepairBench works with; use sqlite, postgresql or mysql.</source>
        <translation>RepairBench 不支援資料庫 {0}；請使用 sqlite、postgresql 或 mysql。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No database file at {0} yet; it is created at the next start.</source>
        <translation>{0} 尚無資料庫檔案；將在下次啟動時建立。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connected to {0}.</source>
        <translation>已連線到 {0}。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>empty: $REPAIRBENCH_DB, else the file in your data folder; e.g. postgresql+psycopg://repair@dbserver/repairbench</source>
        <translation>留空：使用 $REPAIRBENCH_DB，否則使用資料夾中的檔案；例如 postgresql+psycopg://repair@dbserver/repairbench</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test connection</source>
        <translation>測試連線</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Database URL</source>
        <translation>資料庫 URL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open now</source>
        <translation>目前開啟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new database is used from the next start; --db and REPAIRBENCH_DB still take precedence.</source>
        <translation>新資料庫從下次啟動起使用；--db 與 REPAIRBENCH_DB 仍然優先。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <source>Database URL: </source>
        <translation>資料庫 URL：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Testing the connection…</source>
        <translation>正在測試連線…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not connected: </source>
        <translation>未連線：</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <location filename="../../ui/shipping/documents.py" line="+41"/>
        <source>Labels of the open parcels</source>
        <translation>未寄出包裹的標籤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair report</source>
        <translation>維修報告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intake slip</source>
        <translation>收貨單</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>This work order has no open parcels; pack its units first.</source>
        <translation>此工單沒有未寄出的包裹；請先打包其設備。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scan the waybill of parcel(s) {0} before printing the labels.</source>
        <translation>請先掃描包裹 {0} 的託運單，再列印標籤。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Select a work order first.</source>
        <translation>請先選擇一張工單。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No parcel of work order {0} was received at intake, so there is no intake slip.</source>
        <translation>工單 {0} 沒有在收貨時收到過包裹，因此沒有收貨單。</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <location filename="../../ui/repair/events_panel.py" line="+38"/>
        <source>Return requested</source>
        <translation>已申請退貨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return confirmed</source>
        <translation>已確認退貨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specification mismatch confirmed</source>
        <translation>已確認規格不符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replacement approved</source>
        <translation>已核准換貨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replacement delivered</source>
        <translation>換貨已送達</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0}  {1} {2}{3}: {4}</source>
        <translation>{0}  {1} {2}{3}：{4}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Record date</source>
        <translation>記錄日期</translation>
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
        <translation>原因（退貨）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recorded</source>
        <translation>已記錄</translation>
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
        <translation>尚無紀錄。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No clock has started yet.</source>
        <translation>尚未開始計時。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open a unit first.</source>
        <translation>請先開啟一台設備。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{0} on {1} recorded.</source>
        <translation>已記錄 {1} 的{0}。</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../ui/signin.py" line="+117"/>
        <source>RepairBench: create the administrator</source>
        <translation>RepairBench：建立管理員</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This database has no users yet. Create the administrator, who then adds the others. Passwords need at least {0} characters.</source>
        <translation>此資料庫尚無使用者。請建立管理員，再由管理員新增其他使用者。密碼至少需要 {0} 個字元。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User name</source>
        <translation>使用者名稱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again</source>
        <translation>再次輸入密碼</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create administrator</source>
        <translation>建立管理員</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The two passwords differ.</source>
        <translation>兩次輸入的密碼不一致。</translation>
    </message>
</context>
<context>
    <name>IntakeWorkspace</name>
    <message>
        <location filename="../../ui/intake/bench.py" line="+114"/>
        <source>Scan the work-order barcode to start a parcel.</source>
        <extracomment>Item data of a checklist line: whether the unit is in. Lines the scan log keeps, newest first: a whole shift&apos;s scans would make every insert slower.</extracomment>
        <translation>請掃描工單條碼，開始收一個包裹。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Expected units</source>
        <translation>應到設備</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scans of this parcel (newest first)</source>
        <translation>本包裹的掃描紀錄（最新在前）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Retry storing</source>
        <translation>重試儲存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not stored yet</source>
        <translation>尚未儲存</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type a smudged number and press Enter</source>
        <translation>輸入模糊不清的號碼後按 Enter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close parcel (F9)</source>
        <translation>關閉包裹（F9）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refuse parcel (F10)</source>
        <translation>拒收包裹（F10）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save slip (PDF)…</source>
        <translation>儲存單據（PDF）…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Manual entry:</source>
        <translation>手動輸入：</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>READY</source>
        <translation>就緒</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scan a work order or a serial.</source>
        <translation>請掃描工單或序號。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>⚠ SCANNER</source>
        <translation>⚠ 掃描器</translation>
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
        <translation>工單</translation>
    </message>
    <message>
        <location line="+69"/>
        <location line="+11"/>
        <source>⚠ NOT STORED</source>
        <translation>⚠ 未儲存</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>{0}
The scan {1} and those after it are kept below; press Retry.</source>
        <translation>{0}
掃描 {1} 及其後的掃描保留在下方；請按「重試」。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1 scan waiting</source>
        <translation>1 次掃描待儲存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} scans waiting</source>
        <translation>{0} 次掃描待儲存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>retrying now…</source>
        <translation>正在重試…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>retrying in {0} s</source>
        <translation>{0} 秒後重試</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database unreachable — {0}, {1}.
{2}
They are kept below and stored in order as soon as the database answers; Retry tries at once.</source>
        <translation>無法連線資料庫 — {0}，{1}。
{2}
這些掃描保留在下方，資料庫一恢復就依序儲存；按「重試」可立即重試。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>keyboard</source>
        <translation>鍵盤</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>manual</source>
        <translation>手動輸入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>serial port</source>
        <translation>序列埠</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>camera</source>
        <translation>攝影機</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>⚠ WAIT</source>
        <translation>⚠ 請稍候</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} scan(s) are not stored yet: retry them before closing the parcel.</source>
        <translation>有 {0} 次掃描尚未儲存：請先重試，再關閉包裹。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>NO PARCEL</source>
        <translation>無包裹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing scanned yet: there is no parcel to close.</source>
        <translation>尚未掃描任何內容：沒有可關閉的包裹。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Condition: {0}. Carrier: {1}. Tracking: {2}.</source>
        <translation>到貨狀況：{0}。貨運業者：{1}。追蹤號碼：{2}。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>refusal slip</source>
        <translation>拒收單</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>intake slip</source>
        <translation>收貨單</translation>
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
        <translation>包裹已關閉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel {0}{1}: {2} unit(s) received.{3} Save the {4} with the button below.</source>
        <translation>包裹 {0}{1}：已收到 {2} 台設備。{3}請用下方按鈕儲存{4}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save {0} (PDF)…</source>
        <translation>儲存{0}（PDF）…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan the work-order barcode to start the next parcel.</source>
        <translation>請掃描工單條碼，開始下一個包裹。</translation>
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
        <translation>⚠ 未關閉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}
The parcel is still open; close it again (F9).</source>
        <translation>{0}
包裹仍未關閉；請再次關閉（F9）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>⚠ SLIP</source>
        <translation>⚠ 單據</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save slip</source>
        <translation>儲存單據</translation>
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
            <numerusform>%n 張標籤中有 {0} 張已送出並標記為已列印；其餘 {1} 張未列印。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No label is marked printed.</source>
        <translation>沒有標籤被標記為已列印。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printing cancelled: {0}</source>
        <translation>已取消列印：{0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not printed: {0} {1}</source>
        <translation>未列印：{0} {1}</translation>
    </message>
</context>
<context>
    <name>LabelPrinting</name>
    <message>
        <location filename="../../ui/printing/jobs.py" line="+54"/>
        <source>There are no labels to print.</source>
        <translation>沒有要列印的標籤。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The label could not be written to {0}: {1}</source>
        <translation>無法將標籤寫入 {0}：{1}</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <location line="+33"/>
        <source>%n label(s) sent to {0}.</source>
        <translation>
            <numerusform>已將 %n 張標籤傳送到 {0}。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Printer profile {0} names no printer; choose one in the print dialog.</source>
        <translation>印表機設定檔 {0} 未指定印表機；請在列印對話框中選擇。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+50"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Go</source>
        <translation>前往(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Database: {0}</source>
        <translation>資料庫：{0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station: {0}   User: {1}</source>
        <translation>工作站：{0}   使用者：{1}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Go to {0}</source>
        <translation>前往{0}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Lock station</source>
        <translation>鎖定工作站(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find a work order</source>
        <translation>尋找工單(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>鍵盤快速鍵(&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About RepairBench</source>
        <translation>關於 RepairBench(&amp;A)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Settings saved. The station name, language and database apply the next time RepairBench starts.</source>
        <translation>設定已儲存。工作站名稱、語言與資料庫將在 RepairBench 下次啟動時生效。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>development</source>
        <translation>開發版</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About RepairBench</source>
        <translation>關於 RepairBench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RepairBench {0}
Intake and repair desk for a hardware repair center.

{1}</source>
        <translation>RepairBench {0}
硬體維修中心的收貨與維修工作台。

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
        <translation>貨運業者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking</source>
        <translation>追蹤號碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payer</source>
        <translation>付款方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>COD</source>
        <translation>貨到付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serials</source>
        <translation>序號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>標籤</translation>
    </message>
</context>
<context>
    <name>PoliciesPage</name>
    <message>
        <location filename="../../ui/admin/workspace.py" line="+14"/>
        <source>Add a policy file…</source>
        <translation>新增政策檔案…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Policies</source>
        <translation>保固政策</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Model</source>
        <translation>型號</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名稱</translation>
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
        <translation>產品及其政策</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Policy file</source>
        <translation>政策檔案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Policy files (*.toml)</source>
        <translation>政策檔案 (*.toml)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read {0}: {1}</source>
        <translation>無法讀取 {0}：{1}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saving policy {0}…</source>
        <translation>正在儲存政策 {0}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Policy {0} saved.</source>
        <translation>政策 {0} 已儲存。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Assigning {0} to {1}…</source>
        <translation>正在將 {0} 指定給 {1}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} now follows {1}.</source>
        <translation>{0} 現在採用 {1}。</translation>
    </message>
</context>
<context>
    <name>PrintPanel</name>
    <message>
        <location filename="../../ui/shipping/print_panel.py" line="+40"/>
        <source>Choose a printer (print dialog)</source>
        <extracomment>Always offered: the computer&apos;s own printers, chosen in the print dialog each time.</extracomment>
        <translation>選擇印表機（列印對話框）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Print labels</source>
        <translation>列印標籤</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Print...</source>
        <translation>列印…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview...</source>
        <translation>預覽…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as PDF...</source>
        <translation>儲存為 PDF…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Label printer</source>
        <translation>標籤印表機</translation>
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
        <translation>已取消列印；未列印任何內容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the chosen printer</source>
        <translation>所選印表機</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} of {1} sent to {2}.</source>
        <translation>{1} 的{0}已傳送到{2}。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Preview closed; nothing was printed.</source>
        <translation>預覽已關閉；未列印任何內容。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not printed: {0}</source>
        <translation>未列印：{0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} of {1} printed from the preview.</source>
        <translation>已從預覽列印 {1} 的{0}。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{0} could not be saved: {1}.</source>
        <translation>無法儲存 {0}：{1}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved {0}. Saving is not printing: the labels are not marked printed.</source>
        <translation>已儲存 {0}。儲存不等於列印：標籤不會標記為已列印。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved {0}.</source>
        <translation>已儲存 {0}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select a work order first (click it or scan its barcode).</source>
        <translation>請先選擇一張工單（點選它或掃描其條碼）。</translation>
    </message>
</context>
<context>
    <name>PrintRun</name>
    <message>
        <location filename="../../ui/shipping/print_run.py" line="-41"/>
        <source>Printing cancelled; nothing was printed.</source>
        <extracomment>A print job: gets the progress reporter and the cancel flag, returns what it did in one line.</extracomment>
        <translation>已取消列印；未列印任何內容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not printed: {0}</source>
        <translation>未列印：{0}</translation>
    </message>
</context>
<context>
    <name>PrinterProfile</name>
    <message>
        <location filename="../../ui/printing/profiles.py" line="+44"/>
        <source>{0} is not a font stored in the printer: write its drive (R:, E:, B:, A: or Z:) and file name, e.g. E:SIMSUN.TTF, or leave it empty to print Chinese as graphics.</source>
        <translation>{0} 不是儲存在印表機中的字型：請填寫其磁碟機（R:、E:、B:、A: 或 Z:）與檔名，例如 E:SIMSUN.TTF；留空則中文以圖形方式列印。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Printer profile {0}: {1} is not host:port.</source>
        <translation>印表機設定檔 {0}：{1} 不是「主機:連接埠」格式。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Printer profile {0}: {1}</source>
        <translation>印表機設定檔 {0}：{1}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A printer profile needs a name.</source>
        <translation>印表機設定檔需要名稱。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown kind {0}.</source>
        <translation>未知類型 {0}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a queue name</source>
        <translation>佇列名稱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host:port</source>
        <translation>主機:連接埠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer profile {0} needs {1}.</source>
        <translation>印表機設定檔 {0} 需要填寫{1}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the resolution must be 203 or 300 dpi.</source>
        <translation>解析度必須為 203 或 300 dpi。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the label size is out of range.</source>
        <translation>標籤尺寸超出範圍。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>copies must be between 1 and 20.</source>
        <translation>份數必須介於 1 到 20 之間。</translation>
    </message>
</context>
<context>
    <name>PrintersPage</name>
    <message>
        <location line="-94"/>
        <source>Printer on this computer (print dialog, PDF rendered)</source>
        <translation>本機印表機（列印對話框，PDF 算繪）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label printer queue (raw ZPL)</source>
        <translation>標籤印表機佇列（原始 ZPL）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label printer on the network, port 9100 (raw ZPL)</source>
        <translation>網路標籤印表機，連接埠 9100（原始 ZPL）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files in a folder</source>
        <translation>資料夾中的 PDF 檔案</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printers_page.py" line="+44"/>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+1"/>
        <source> mm</source>
        <translation> 公釐</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} dpi</source>
        <translation>{0} dpi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none: Chinese prints as graphics</source>
        <translation>無：中文以圖形方式列印</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A Chinese font stored in the label printer, e.g. E:SIMSUN.TTF: Chinese text then prints in the printer&apos;s own font, sharper and faster than graphics.</source>
        <translation>儲存在標籤印表機中的中文字型，例如 E:SIMSUN.TTF：中文將使用印表機內建的字型列印，比圖形方式更清晰、更快。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Profile name</source>
        <translation>設定檔名稱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer kind</source>
        <translation>印表機類型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer, queue, host:port or folder</source>
        <translation>印表機、佇列、主機:連接埠或資料夾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label width</source>
        <translation>標籤寬度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label height</source>
        <translation>標籤高度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution (ZPL)</source>
        <translation>解析度（ZPL）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies</source>
        <translation>份數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer&apos;s Chinese font (ZPL)</source>
        <translation>印表機中文字型（ZPL）</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>(no name)</source>
        <translation>（無名稱）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Printer {0}</source>
        <translation>印表機 {0}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Printer profile {0}: {1}</source>
        <translation>印表機設定檔 {0}：{1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Two printer profiles are named {0}.</source>
        <translation>有兩個印表機設定檔都命名為 {0}。</translation>
    </message>
</context>
<context>
    <name>QtPrinting</name>
    <message>
        <location filename="../../ui/printing/qt_print.py" line="+66"/>
        <source>The document to print could not be read as a PDF.</source>
        <translation>要列印的文件無法作為 PDF 讀取。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Printing a PDF through the print dialog needs QtPdf or poppler&apos;s pdftoppm (package poppler-utils); neither is installed.</source>
        <translation>透過列印對話框列印 PDF 需要 QtPdf 或 poppler 的 pdftoppm（套件 poppler-utils），但兩者皆未安裝。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Page {0} could not be prepared for printing: {1}</source>
        <translation>無法準備第 {0} 頁的列印：{1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pdftoppm failed</source>
        <translation>pdftoppm 執行失敗</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no printer {0} on this computer (printers: {1}).</source>
        <translation>本機沒有印表機 {0}（現有印表機：{1}）。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The printer {0} could not be opened; check that it exists and is switched on.</source>
        <translation>無法開啟印表機 {0}；請檢查它是否存在並已開機。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The printer did not accept the job.</source>
        <translation>印表機未接受此列印工作。</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/repair/queue_model.py" line="+24"/>
        <source>Serial</source>
        <translation>序號</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model</source>
        <translation>型號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work order</source>
        <translation>工單</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>收貨時間</translation>
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
        <translation>儲存報價單 PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open PDF</source>
        <translation>開啟 PDF</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Open a unit first.</source>
        <translation>請先開啟一台設備。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The quote on screen is not saved: save it (Ctrl+S) first, so the PDF shows what the customer is asked.</source>
        <translation>畫面上的報價尚未儲存：請先儲存（Ctrl+S），使 PDF 與向客戶報出的內容一致。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rendering the quote…</source>
        <translation>正在產生報價單…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The quote could not be rendered: {0}</source>
        <translation>無法產生報價單：{0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Quote PDF not saved.</source>
        <translation>報價單 PDF 未儲存。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not save {0}: {1}</source>
        <translation>無法儲存 {0}：{1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quote v{0} ({1}) saved to {2}. Open it with “Open PDF” ({3}).</source>
        <translation>報價單 v{0}（{1}）已儲存到 {2}。可用「開啟 PDF」（{3}）檢視。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save quote</source>
        <translation>儲存報價單</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the quote PDF first.</source>
        <translation>請先儲存報價單 PDF。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No program opens PDFs here; the file is {0}.</source>
        <translation>本機沒有可開啟 PDF 的程式；檔案位於 {0}。</translation>
    </message>
</context>
<context>
    <name>RawPrinting</name>
    <message>
        <location filename="../../ui/printing/raw.py" line="+37"/>
        <source>The number of copies must be at least 1.</source>
        <translation>份數至少為 1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This printer profile names neither a queue nor a host:port.</source>
        <translation>此印表機設定檔既未指定佇列，也未指定「主機:連接埠」。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The CUPS client &apos;lp&apos; is not installed; install cups-client or use a printer profile that prints over TCP port 9100.</source>
        <translation>未安裝 CUPS 用戶端 &apos;lp&apos;；請安裝 cups-client，或使用透過 TCP 連接埠 9100 列印的印表機設定檔。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The print queue {0} did not answer within {1:.0f} s; is the CUPS scheduler running?</source>
        <translation>列印佇列 {0} 在 {1:.0f} 秒內沒有回應；CUPS 排程器是否正在執行？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>lp exited with code {0}</source>
        <translation>lp 結束，代碼 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The print queue {0} refused the label: {1}</source>
        <translation>列印佇列 {0} 拒絕了此標籤：{1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+50"/>
        <source>sent to {0}</source>
        <translation>已傳送到 {0}</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>The printer at {0}:{1} cannot be reached ({2}); check that it is on, connected and that the address is right.</source>
        <translation>無法連線位於 {0}:{1} 的印表機（{2}）；請檢查它是否已開機、已連接，以及位址是否正確。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sent {0} bytes to {1}:{2}</source>
        <translation>已向 {1}:{2} 傳送 {0} 位元組</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Raw printing to a Windows printer needs the pywin32 package; install it or print over TCP port 9100.</source>
        <translation>向 Windows 印表機直接列印需要 pywin32 套件；請安裝它，或透過 TCP 連接埠 9100 列印。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no printer named {0} on this computer.</source>
        <translation>本機沒有名為 {0} 的印表機。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The printer {0} refused the job: {1}</source>
        <translation>印表機 {0} 拒絕了此工作：{1}</translation>
    </message>
</context>
<context>
    <name>RepairWords</name>
    <message>
        <location filename="../../ui/repair/words.py" line="+18"/>
        <source>product defect</source>
        <translation>產品瑕疵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user damage</source>
        <translation>人為損壞</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>logistics damage</source>
        <translation>物流損壞</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no fault found</source>
        <translation>未發現故障</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>counterfeit</source>
        <translation>仿冒品</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>covered</source>
        <translation>在保固內</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not covered</source>
        <translation>不在保固內</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot tell</source>
        <translation>無法判定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>email</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>portal</source>
        <translation>入口網站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in person</source>
        <translation>當面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chat</source>
        <translation>線上聊天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>bank transfer</source>
        <translation>銀行轉帳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cash</source>
        <translation>現金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>card</source>
        <translation>信用卡 / 金融卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alipay</source>
        <translation>支付寶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cash on delivery</source>
        <translation>貨到付款</translation>
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
        <translation>已送出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>declined</source>
        <translation>已拒絕</translation>
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
        <translation>退貨期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>send back</source>
        <translation>寄回期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>spec mismatch</source>
        <translation>規格不符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>return by</source>
        <translation>回寄期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>repair by</source>
        <translation>維修期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replacement ship by</source>
        <translation>換貨出貨期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>faulty part due</source>
        <translation>故障件寄回期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>service level</source>
        <translation>服務水準</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>calendar not announced</source>
        <translation>行事曆尚未公布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused</source>
        <translation>已拒絕</translation>
    </message>
</context>
<context>
    <name>RepairWorkspace</name>
    <message>
        <location filename="../../ui/repair/workspace.py" line="+21"/>
        <source>My units</source>
        <translation>我的設備</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for diagnosis</source>
        <translation>等待檢測</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for customer</source>
        <translation>等待客戶回覆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In repair</source>
        <translation>維修中</translation>
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
        <translation>沒有序號為 {0} 的設備。</translation>
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
        <translation>到貨時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work order</source>
        <translation>工單</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客戶</translation>
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
        <translation>來件貨運業者</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>(none matched)</source>
        <translation>（無相符工單）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(type it from the parcel)</source>
        <translation>（請依包裹上的地址輸入）</translation>
    </message>
</context>
<context>
    <name>ReturnsPanel</name>
    <message>
        <location filename="../../ui/shipping/returns_panel.py" line="+61"/>
        <source>The refused parcels could not be read: {0}</source>
        <translation>無法讀取拒收包裹：{0}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>scan the waybill of the carrier taking it back</source>
        <translation>掃描退回貨運業者的託運單</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print refusal slip...</source>
        <translation>列印拒收單…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Print slip on label printer</source>
        <translation>在標籤印表機上列印拒收單</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This station has no ZPL label printer profile (Settings &gt; Printers and labels).</source>
        <translation>此工作站沒有 ZPL 標籤印表機設定檔（設定 &gt; 印表機與標籤）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save refusal slip as PDF...</source>
        <translation>將拒收單儲存為 PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark returned to sender (Ctrl+Return)</source>
        <translation>標記為已退回寄件人（Ctrl+Return）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Return address</source>
        <translation>回寄地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carrier</source>
        <translation>貨運業者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waybill</source>
        <translation>託運單號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label printer</source>
        <translation>標籤印表機</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n refused parcel(s) waiting to go back to the sender.</source>
        <translation>
            <numerusform>有 %n 個拒收包裹等待退回寄件人。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No work order matched: type the sender&apos;s address from the parcel&apos;s own label.</source>
        <translation>沒有相符的工單：請依包裹本身標籤上的寄件人地址輸入。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No refused parcel is waiting to go back.</source>
        <translation>沒有等待退回的拒收包裹。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waybill {0} read: check the address and mark the parcel returned.</source>
        <translation>已讀取託運單 {0}：請核對地址，然後將包裹標記為已退回。</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+66"/>
        <source>Select a refused parcel first.</source>
        <translation>請先選擇一個拒收包裹。</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Printing cancelled; nothing was printed.</source>
        <translation>已取消列印；未列印任何內容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the chosen printer</source>
        <translation>所選印表機</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+12"/>
        <source>Refusal slip of parcel {0} sent to {1}.</source>
        <translation>包裹 {0} 的拒收單已傳送到{1}。</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Select a refused parcel and a label printer first.</source>
        <translation>請先選擇一個拒收包裹和一台標籤印表機。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{0} could not be saved: {1}.</source>
        <translation>無法儲存 {0}：{1}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved {0}.</source>
        <translation>已儲存 {0}。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Parcel {0} returned to its sender with {1} {2}, to {3}.</source>
        <translation>包裹 {0} 已由 {1} 退回寄件人（託運單號 {2}），寄往 {3}。</translation>
    </message>
</context>
<context>
    <name>RoleRequiredPage</name>
    <message>
        <location filename="../../ui/dashboard/workspace.py" line="-153"/>
        <source>The dashboard needs the supervisor role (or administrator).
Sign in with such an account to see the center&apos;s figures.</source>
        <translation>儀表板需要主管（或管理員）角色。
請使用此類帳號登入以查看維修中心的數據。</translation>
    </message>
</context>
<context>
    <name>SaveProgress</name>
    <message>
        <location filename="../../ui/admin/save_progress.py" line="+58"/>
        <source>Another save is still recomputing due dates; wait for it to finish, then save again.</source>
        <translation>另一次儲存仍在重新計算到期日；請等待其完成後再儲存。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>due dates: %v of %m work orders</source>
        <translation>到期日：第 %v / %m 張工單</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not saved: the database did not answer ({0}). Nothing was changed; try again.</source>
        <translation>未儲存：資料庫沒有回應（{0}）。未做任何變更；請重試。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved: {0}. Nothing was changed; try again.</source>
        <translation>未儲存：{0}。未做任何變更；請重試。</translation>
    </message>
</context>
<context>
    <name>ScanQueue</name>
    <message>
        <location filename="../../ui/intake/scan_queue.py" line="+177"/>
        <source>The database did not answer ({0}: {1}).</source>
        <extracomment>Decides and stores one scan: (raw, parcel id, client id) -&gt; outcome. Seconds before each automatic retry after consecutive failures; the last repeats forever. Pauses between automatic retries, in seconds (tests shorten them).</extracomment>
        <translation>資料庫沒有回應（{0}：{1}）。</translation>
    </message>
</context>
<context>
    <name>ScannerPage</name>
    <message>
        <location filename="../../ui/settings/scanner_page.py" line="+24"/>
        <source>Serial-port scanner: </source>
        <translation>序列埠掃描器：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key gap: give the longest gap between scanner keys in milliseconds, from {0} to {1}.</source>
        <translation>按鍵間隔：請填寫掃描器按鍵之間的最長間隔（毫秒），範圍 {0} 到 {1}。</translation>
    </message>
</context>
<context>
    <name>ScannerSettingsPage</name>
    <message>
        <location filename="../../ui/admin/scanner_settings.py" line="+28"/>
        <source>A port name has no spaces (e.g. /dev/ttyACM0 or COM3).</source>
        <translation>連接埠名稱不能包含空格（例如 /dev/ttyACM0 或 COM3）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>none (keyboard scanner); e.g. /dev/ttyACM0 or COM3</source>
        <translation>無（鍵盤式掃描器）；例如 /dev/ttyACM0 或 COM3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scan with the webcam</source>
        <translation>使用網路攝影機掃描</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Serial-port scanner</source>
        <translation>序列埠掃描器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baud rate</source>
        <translation>鮑率</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Test: scan here to see exactly what the scanner sends.</source>
        <translation>測試：在此掃描，查看掃描器實際送出的內容。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved. The intake bench uses it from its next start.</source>
        <translation>已儲存。收貨工作台下次啟動時生效。</translation>
    </message>
</context>
<context>
    <name>ScannerTestPage</name>
    <message>
        <location filename="../../ui/scanner/test_page.py" line="+43"/>
        <source>Scanner test</source>
        <extracomment>The page is for trying a scanner, not a log: old rows go so it never grows without bound.</extracomment>
        <translation>掃描器測試</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan a barcode. Each scan appears below as it arrived.</source>
        <translation>請掃描條碼。每次掃描都會依收到的原樣顯示在下方。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Raw</source>
        <translation>原始內容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Symbology</source>
        <translation>條碼類型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fields</source>
        <translation>欄位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key gaps</source>
        <translation>按鍵間隔</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Longest gap between scanner keys:</source>
        <translation>掃描器按鍵最長間隔：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>keyboard</source>
        <translation>鍵盤</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Scan read.</source>
        <translation>已讀取掃描。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan read, but the slowest key gap (%1 ms) is close to the limit: raise the limit or the scanner&apos;s transmit speed.</source>
        <translation>已讀取掃描，但最慢的按鍵間隔（%1 毫秒）接近上限：請提高上限或掃描器的傳輸速度。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan read; keys were at most %1 ms apart.</source>
        <translation>已讀取掃描；按鍵間隔最多 %1 毫秒。</translation>
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
        <translation>{0} 上的掃描器沒有回應（被拔除？）：{1}。請重新插好，並在設定中重新開啟連接埠。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scanner port {0}: {1}.</source>
        <translation>掃描器連接埠 {0}：{1}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Check that the scanner is plugged in and the port name in settings is right.</source>
        <translation>請檢查掃描器是否已插好，以及設定中的連接埠名稱是否正確。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another program may be using it, or this user may not access serial ports (on Linux: add the user to the &apos;dialout&apos; group).</source>
        <translation>可能有其他程式正在使用它，或此使用者無權存取序列埠（Linux 上：將使用者加入 &apos;dialout&apos; 群組）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the cable and the port settings.</source>
        <translation>請檢查線材與連接埠設定。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot open the scanner port {0}: {1}. {2}</source>
        <translation>無法開啟掃描器連接埠 {0}：{1}。{2}</translation>
    </message>
</context>
<context>
    <name>Service types</name>
    <message>
        <location filename="../../ui/work_orders/states.py" line="+34"/>
        <source>repair</source>
        <translation>維修</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>return</source>
        <translation>退貨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replacement</source>
        <translation>換貨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>advance replacement</source>
        <translation>預先換貨</translation>
    </message>
</context>
<context>
    <name>ServiceRecord</name>
    <message>
        <location filename="../../ui/work_orders/service_record.py" line="+37"/>
        <source>nothing yet</source>
        <translation>尚無紀錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority:</source>
        <translation>優先等級：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Order number:</source>
        <translation>訂單號碼：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted:</source>
        <translation>提交時間：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service:</source>
        <translation>服務類型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer:</source>
        <translation>客戶：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone:</source>
        <translation>電話：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email:</source>
        <translation>電子郵件：</translation>
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
        <translation>設備（{0}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History</source>
        <translation>歷程紀錄</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serial</source>
        <translation>序號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>型號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>產品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>收貨時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped</source>
        <translation>出貨時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warranty</source>
        <translation>保固</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>人員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>事項</translation>
    </message>
</context>
<context>
    <name>ServiceRecordDialog</name>
    <message>
        <location line="+27"/>
        <source>Service record {0}</source>
        <translation>服務紀錄 {0}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings/center_form.py" line="-13"/>
        <source>Center</source>
        <translation>維修中心</translation>
    </message>
    <message>
        <location filename="../../ui/settings/database_page.py" line="-48"/>
        <source>Database</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="-88"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printers_page.py" line="-121"/>
        <source>Printers and labels</source>
        <translation>印表機與標籤</translation>
    </message>
    <message>
        <location filename="../../ui/settings/scanner_page.py" line="-14"/>
        <source>Scanner</source>
        <translation>掃描器</translation>
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
        <translation>聲音</translation>
    </message>
</context>
<context>
    <name>ShippingDialogs</name>
    <message>
        <location filename="../../ui/shipping/dialogs.py" line="+32"/>
        <source>Save as PDF</source>
        <translation>儲存為 PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shipping</source>
        <translation>出貨</translation>
    </message>
</context>
<context>
    <name>ShippingWorkspace</name>
    <message>
        <location filename="../../ui/shipping/workspace.py" line="+5"/>
        <source>SF and 12 to 15 digits</source>
        <translation>SF 加 12 到 15 位數字</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Address / work order / unit</source>
        <translation>地址 / 工單 / 設備</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>standard, express ...</source>
        <translation>標準、快捷…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>all in one parcel</source>
        <translation>全部裝在一個包裹裡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pack selected units</source>
        <translation>打包所選設備</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>scan the carrier&apos;s waybill barcode for the selected parcel</source>
        <translation>為所選包裹掃描貨運業者託運單條碼</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ship selected parcels</source>
        <translation>寄出所選包裹</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Carrier</source>
        <translation>貨運業者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>服務類型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units per parcel</source>
        <translation>每個包裹的設備數</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ready to ship</source>
        <translation>待出貨</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused parcels to return</source>
        <translation>待退回的拒收包裹</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>(no return address)</source>
        <translation>（無回寄地址）</translation>
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
            <numerusform>%n 台設備</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>printed</source>
        <translation>已列印</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not printed</source>
        <translation>未列印</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Pack one work order at a time: its units share one return address.</source>
        <translation>請一次打包一張工單：其設備使用同一個回寄地址。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Tick the units to pack first.</source>
        <translation>請先勾選要打包的設備。</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n parcel(s) packed for {0}. Scan each waybill.</source>
        <translation>
            <numerusform>已為 {0} 打包 %n 個包裹。請掃描每張託運單。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Wait for the printing to finish (or cancel it), then scan again.</source>
        <translation>請等待列印完成（或取消列印），然後重新掃描。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Work order {0} has no units ready to ship.</source>
        <translation>工單 {0} 沒有待出貨的設備。</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Work order {0}: %n open parcel(s); scan each waybill.</source>
        <translation>
            <numerusform>工單 {0}：有 %n 個未寄出的包裹；請掃描每張託運單。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Work order {0}: tick its units and pack them.</source>
        <translation>工單 {0}：請勾選其設備並打包。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Scan the work order first, then select the parcel whose waybill you scan.</source>
        <translation>請先掃描工單，再選擇要掃描託運單的包裹。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select the parcel whose waybill you scan.</source>
        <translation>請選擇要掃描託運單的包裹。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} is neither a work order nor a {1} tracking number ({2}).</source>
        <translation>{0} 既不是工單，也不是 {1} 追蹤號碼（{2}）。</translation>
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
        <translation>8 到 30 位字母與數字</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Select the parcels to ship.</source>
        <translation>請選擇要寄出的包裹。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The label of parcel(s) {0} of {1} has not been printed. Ship without a printed label?</source>
        <translation>{1} 的包裹 {0} 的標籤尚未列印。仍要在沒有列印標籤的情況下出貨嗎？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing shipped: print the labels first.</source>
        <translation>未出貨：請先列印標籤。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Parcel {0}/{1} of {2} shipped with {3} {4}.</source>
        <translation>{2} 的包裹 {0}/{1} 已由 {3} 寄出，追蹤號碼 {4}。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n parcel(s) of {0} shipped.</source>
        <translation>
            <numerusform>{0} 的 %n 個包裹已寄出。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsOverlay</name>
    <message>
        <location filename="../../ui/shortcuts.py" line="+27"/>
        <source>Everywhere</source>
        <translation>全域</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>(no description)</source>
        <translation>（無說明）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter: a key or a word</source>
        <translation>篩選：按鍵或字詞</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keys</source>
        <translation>按鍵</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What it does</source>
        <translation>功能</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close this list</source>
        <translation>關閉此清單</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/signin.py" line="-72"/>
        <source>RepairBench: station locked</source>
        <translation>RepairBench：工作站已鎖定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RepairBench: sign in</source>
        <translation>RepairBench：登入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The station was locked after a pause. {0}, enter your password to go on.</source>
        <translation>工作站因閒置已鎖定。{0}，請輸入密碼繼續。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unlock</source>
        <translation>解鎖</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign in</source>
        <translation>登入</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Only {0} can unlock this station.</source>
        <translation>只有 {0} 可以解鎖此工作站。</translation>
    </message>
</context>
<context>
    <name>SoundsPage</name>
    <message>
        <location filename="../../ui/settings/station_page.py" line="+9"/>
        <source>muted</source>
        <translation>靜音</translation>
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
        <translation>試聽「接收」</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play REJECTED</source>
        <translation>試聽「拒收」</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This computer has no working sound output.</source>
        <translation>此電腦沒有可用的音訊輸出。</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../../ui/start.py" line="+98"/>
        <source>RepairBench: sign in</source>
        <translation>RepairBench：登入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opening the database…</source>
        <translation>正在開啟資料庫…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in</source>
        <translation>登入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>結束</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database settings…</source>
        <translation>資料庫設定…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The database could not be opened ({0}).</source>
        <translation>無法開啟資料庫（{0}）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the database address (--db, the REPAIRBENCH_DB variable or Edit &gt; Settings &gt; Database) and that its server is running, then start RepairBench again.</source>
        <translation>請檢查資料庫位址（--db、REPAIRBENCH_DB 環境變數或「編輯 &gt; 設定 &gt; 資料庫」）以及資料庫伺服器是否在執行，然後重新啟動 RepairBench。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Database settings</source>
        <translation>資料庫設定</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The database address is saved. Start RepairBench again to open it.</source>
        <translation>資料庫位址已儲存。請重新啟動 RepairBench 以開啟該資料庫。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The database is still opening; you are signed in as soon as it is ready.</source>
        <translation>資料庫仍在開啟中；就緒後將自動為您登入。</translation>
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
        <translation>部分收貨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>received</source>
        <translation>已收貨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>處理中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>partly shipped</source>
        <translation>部分出貨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shipped</source>
        <translation>已出貨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>已結案</translation>
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
        <translation>檢測中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quote sent</source>
        <translation>已送出報價</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quote accepted</source>
        <translation>報價已確認</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in repair</source>
        <translation>維修中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>return unrepaired</source>
        <translation>未修退回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replacement</source>
        <translation>換貨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>return refund</source>
        <translation>退貨退款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>testing</source>
        <translation>測試中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ready to ship</source>
        <translation>待出貨</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <location filename="../../ui/settings/station_page.py" line="-64"/>
        <source> min</source>
        <translation> 分鐘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>永不</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Station name</source>
        <translation>工作站名稱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded with every scan and change made here; used from the next start.</source>
        <translation>隨此處的每次掃描與修改一併記錄；下次啟動時生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language applies the next time RepairBench starts.</source>
        <translation>語言將在 RepairBench 下次啟動時生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock the station after</source>
        <translation>閒置多久後鎖定工作站</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Station name: a station needs a name; it is recorded with every scan.</source>
        <translation>工作站名稱：工作站必須有名稱，每次掃描都會記錄它。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Station name: at most {0} characters.</source>
        <translation>工作站名稱：最多 {0} 個字元。</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <location filename="../../ui/repair/unit_page.py" line="+164"/>
        <source>Irreparable</source>
        <translation>無法維修</translation>
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
        <translation>儲存檢測結果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start diagnosis</source>
        <translation>開始檢測</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record diagnosis</source>
        <translation>記錄診斷</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save quote</source>
        <translation>儲存報價</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send quote</source>
        <translation>送出報價</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>客戶接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declined</source>
        <translation>客戶拒絕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start repair</source>
        <translation>開始維修</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record action</source>
        <translation>記錄維修作業</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish repair</source>
        <translation>完成維修</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final test passed</source>
        <translation>終檢通過</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Intake</source>
        <translation>收貨</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Findings</source>
        <translation>檢測結果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnosis</source>
        <translation>診斷</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quote</source>
        <translation>報價</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair</source>
        <translation>維修</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returns &amp;&amp; replacement</source>
        <translation>退貨與換貨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>歷程紀錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>維修作業</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Part</source>
        <translation>零件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Old serial</source>
        <translation>舊序號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New serial</source>
        <translation>新序號</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>water, drop, torn_label ...</source>
        <translation>water、drop、torn_label…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Description</source>
        <translation>說明</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Qty</source>
        <translation>數量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unit price</source>
        <translation>單價</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disc. %</source>
        <translation>折扣 %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tax %</source>
        <translation>稅率 %</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Amount paid</source>
        <translation>已付金額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The day the customer paid</source>
        <translation>客戶付款日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record payment</source>
        <translation>記錄付款</translation>
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
        <translation>到貨狀況：{0}
照片：{1}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} (rule {1}, {2} .. {3})</source>
        <translation>{0}（規則 {1}，{2} 至 {3}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — override: {0}</source>
        <translation> — 改判：{0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paid on {0}.</source>
        <translation>已於 {0} 付款。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>v{0} {1}: {2} {3}, valid until {4}</source>
        <translation>v{0} {1}：{2} {3}，有效期限至 {4}</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Diagnosis started.</source>
        <translation>已開始檢測。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Findings saved.</source>
        <translation>檢測結果已儲存。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Diagnosis recorded.</source>
        <translation>診斷已記錄。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decision overridden.</source>
        <translation>已改判。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Quote saved.</source>
        <translation>報價已儲存。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save a quote first.</source>
        <translation>請先儲存報價。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quote sent.</source>
        <translation>報價已送出。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no quote to answer.</source>
        <translation>沒有待回覆的報價。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer accepted.</source>
        <translation>客戶已接受。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer declined.</source>
        <translation>客戶已拒絕。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Payment recorded.</source>
        <translation>付款已記錄。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Repair started.</source>
        <translation>已開始維修。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Repair action recorded.</source>
        <translation>維修作業已記錄。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Repair finished; testing.</source>
        <translation>維修完成，正在測試。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready to ship.</source>
        <translation>待出貨。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>  ·  next due {0} ({1} {2})</source>
        <translation>  ·  下一個到期日 {0}（{1} {2}）</translation>
    </message>
</context>
<context>
    <name>WorkOrderBrowser</name>
    <message>
        <location filename="../../ui/work_orders/browser.py" line="+40"/>
        <source>Search work order, order number, serial, customer name or phone</source>
        <translation>搜尋工單、訂單號碼、序號、客戶姓名或電話</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All states</source>
        <translation>全部狀態</translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>%n work order(s)</source>
        <translation>
            <numerusform>共 %n 張工單</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkOrderColumns</name>
    <message>
        <location filename="../../ui/work_orders/browser_model.py" line="+32"/>
        <source>Work order</source>
        <translation>工單</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order number</source>
        <translation>訂單號碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>服務類型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>提交時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units</source>
        <translation>設備數</translation>
    </message>
</context>
<context>
    <name>Workspaces</name>
    <message>
        <location filename="../../ui/main_window.py" line="-139"/>
        <source>Intake</source>
        <translation>收貨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair</source>
        <translation>維修</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping</source>
        <translation>出貨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dashboard</source>
        <translation>儀表板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work orders</source>
        <translation>工單</translation>
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
        <translation>無法開啟此工作區：{0}

請檢查資料庫連線，然後重新開啟此分頁。</translation>
    </message>
</context>
</TS>
