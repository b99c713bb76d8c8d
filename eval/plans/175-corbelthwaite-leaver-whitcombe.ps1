# OPS-7719 leaver: Dana Whitcombe, Senior Associate (Structures), last working day Friday 25 June 2027.
# HR ticket: "Convert her mailbox to shared and give Ifeoma Lasisi (her line manager) full access, set an out-of-office
#   pointing clients to Ifeoma, take her out of all groups and free the E3 licence. Rob Whitcombe in Accounts takes over her expense approvals."
# Corbel & Thwaite Engineers: on-prem AD corbelthwaite.local synced to Microsoft 365 by Entra Connect every 30 minutes, about 340 staff.
# Run by the IT assistant on ADM-01 as ct\adm-helpdesk2 (Account Operators), with Exchange Administrator and License Administrator in Entra.
Start-Transcript -Path "C:\IT\Leavers\logs\OPS-7719-$(Get-Date -Format yyyyMMdd-HHmm).log"
Import-Module ActiveDirectory
Connect-ExchangeOnline -UserPrincipalName adm-helpdesk2@corbelthwaite.co.uk -ShowBanner:$false
Connect-MgGraph -Scopes 'User.ReadWrite.All', 'Organization.Read.All' -NoWelcome

$LeaverSurname = 'Whitcombe'
$Manager = 'ifeoma.lasisi@corbelthwaite.co.uk'
$Leaver = Get-ADUser -Filter "Surname -eq '$LeaverSurname'" -Properties mail, MemberOf, Title, Department
$Leaver | Select-Object Name, SamAccountName, mail, Title, Department | Format-Table -AutoSize

# record of her groups so they can be put back if HR changes its mind
$Leaver | ForEach-Object { $u = $_; $u.MemberOf | ForEach-Object { [pscustomobject]@{ User = $u.SamAccountName; Group = $_ } } } | Export-Csv -Path 'C:\IT\Leavers\OPS-7719-groups.csv' -NoTypeInformation
$Leaver | ForEach-Object { Get-EXOMailboxStatistics -Identity $_.mail | Select-Object DisplayName, TotalItemSize, ItemCount }
Get-DistributionGroupMember -Identity 'Leavers-Notify' | Select-Object Name, PrimarySmtpAddress

$Leaver | Disable-ADAccount
$Leaver | ForEach-Object { $u = $_; $u.MemberOf | ForEach-Object { Remove-ADGroupMember -Identity $_ -Members $u -Confirm:$false } }
$Leaver | ForEach-Object { Set-Mailbox -Identity $_.mail -Type Shared }
$Leaver | ForEach-Object { Add-MailboxPermission -Identity $_.mail -User $Manager -AccessRights FullAccess -InheritanceType All -AutoMapping $true }
$Leaver | ForEach-Object { Set-MailboxAutoReplyConfiguration -Identity $_.mail -AutoReplyState Enabled -ExternalAudience All -ExternalMessage "Dana has now left Corbel & Thwaite. For anything on your project please contact Ifeoma Lasisi ($Manager)." -InternalMessage 'Dana has left the firm; please contact Ifeoma Lasisi.' }
$Leaver | ForEach-Object { Remove-CalendarEvents -Identity $_.mail -CancelOrganizedMeetings -QueryWindowInDays 365 -Confirm:$false }
$E3 = Get-MgSubscribedSku | Where-Object SkuPartNumber -eq 'ENTERPRISEPACK'
$Leaver | ForEach-Object { Set-MgUserLicense -UserId $_.mail -AddLicenses @() -RemoveLicenses @($E3.SkuId) }
Write-Host "OPS-7719: $LeaverSurname offboarded. Delete C:\IT\Leavers\OPS-7719-groups.csv after the 90-day purge review."
Stop-Transcript
