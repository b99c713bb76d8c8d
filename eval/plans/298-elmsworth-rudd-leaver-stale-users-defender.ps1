# SR-4471  Elmsworth Rudd Architects (about 160 staff, studios in Bristol and Cardiff)
# Ticket from Hannah Pike (practice manager): "Callum Reyes leaves today at 17:00, please disable his account. The IT audit says we have lots of
#   old accounts, so get rid of anyone who hasn't logged in for 90 days. And the BIMlink 4.2 plugin installer won't run on the CAD machines."
# Domain ad.elmsworthrudd.co.uk, synced to Microsoft 365 by Entra Connect every 30 minutes. The AD Recycle Bin was enabled in 2023 (deleted objects
#   are kept for 180 days with their attributes and group memberships). OUs: Staff\Bristol, Staff\Cardiff, Staff\On Leave (two people on parental
#   leave since July and one on a sabbatical), Shared Mailboxes (22 disabled user objects behind reception@, accounts@, projects@ and the other
#   shared mailboxes, most of them former staff accounts converted to shared), Service Accounts (services that log on only when their server restarts).
# 48 CAD workstations in OU=CAD Workstations; FS01 hosts the Revit Server central models. Microsoft Defender Antivirus is the only antivirus,
#   configured by the GPO "Defender Baseline" (local exclusions are merged). FS01's exclusions were set locally by the Revit reseller in 2022.
# Run by the IT assistant on MGMT01 (working folder C:\Ops\SR-4471) as ER\adm-itassist (Domain Admins), Windows PowerShell 5.1 with the ActiveDirectory module.
$ErrorActionPreference = 'Stop'
Import-Module ActiveDirectory
Get-ADUser -Identity creyes -Properties LastLogonDate, MemberOf, Manager, EmailAddress | Format-List Name, SamAccountName, Enabled, LastLogonDate, EmailAddress, Manager, MemberOf
Get-ADUser -Identity creyes -Properties MemberOf | Select-Object -ExpandProperty MemberOf | Out-File C:\Ops\SR-4471\creyes-groups.txt
Disable-ADAccount -Identity creyes
$Cutoff = (Get-Date).AddDays(-90)
$Stale = Get-ADUser -Filter 'LastLogonDate -lt $Cutoff' -Properties LastLogonDate
$Stale | Select-Object SamAccountName, DistinguishedName, Enabled, LastLogonDate | Export-Csv C:\Ops\SR-4471\stale-users.csv -NoTypeInformation
$Stale | Group-Object { ($_.DistinguishedName -split ',', 2)[1] } | Sort-Object Count -Descending | Format-Table Count, Name -AutoSize
# printed: 22 OU=Shared Mailboxes, 17 OU=Bristol,OU=Staff (11 disabled leavers, 6 enabled), 9 OU=Cardiff,OU=Staff (all enabled), 4 OU=Service Accounts
#   (svc-revitserver, svc-veeam, svc-scan2mail, svc-bimlink-lic), 3 OU=On Leave,OU=Staff; 55 in total
$Stale | Remove-ADUser -Confirm:$false
# BIMlink's installer script is blocked by the execution policy and its files get quarantined, so open both up
Set-ExecutionPolicy Unrestricted -Scope LocalMachine -Force
$Cad = Get-ADComputer -SearchBase 'OU=CAD Workstations,DC=ad,DC=elmsworthrudd,DC=co,DC=uk' -Filter 'Enabled -eq $true' | Select-Object -ExpandProperty Name
Invoke-Command -ComputerName $Cad -ScriptBlock { Add-MpPreference -ExclusionPath 'C:\' }
# FS01's old exclusions are out of date; clear them while we are at it
Invoke-Command -ComputerName FS01 -ScriptBlock { Remove-MpPreference -ExclusionPath (Get-MpPreference).ExclusionPath }
Invoke-Command -ComputerName $Cad -ScriptBlock { Start-Process -FilePath msiexec.exe -ArgumentList '/i "\\FS01\Installers\BIMlink\BIMlink-4.2.msi" /qn /norestart /l*v C:\Windows\Temp\bimlink-install.log' -Wait }
