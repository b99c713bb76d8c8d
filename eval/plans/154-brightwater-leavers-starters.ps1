# IT-5120: Q1 leaver sweep for Brightwater Logistics (AD corp.bwlogistics.com, synced to Microsoft 365 by Entra Connect every 30 minutes) and accounts for the two March starters at the Rotterdam depot.
# Run on ADM-MGMT-01 in PowerShell 7 as j.verbeek-adm (BW-IdentityAdmins: Account Operators on OU=BW, User Administrator and License Administrator in Entra ID). Kiran Shah (HR) signed off the leaver list in IT-5120 on 3 March.
Import-Module ActiveDirectory; Connect-MgGraph -Scopes 'User.ReadWrite.All','Organization.Read.All' -NoWelcome
$leaversOU = 'OU=Leavers,OU=Users,OU=BW,DC=corp,DC=bwlogistics,DC=com'
Get-ADUser -Filter * -SearchBase $leaversOU -Properties LastLogonDate, whenChanged, MemberOf | Select-Object SamAccountName, Enabled, LastLogonDate, whenChanged, @{n='Groups';e={$_.MemberOf -join ';'}} | Export-Csv -Path C:\IT\IT-5120\leavers-before.csv -NoTypeInformation
Get-MgSubscribedSku | Select-Object SkuPartNumber, ConsumedUnits, @{n='Purchased';e={$_.PrepaidUnits.Enabled}}
Get-ADUser -Filter 'Enabled -eq $true' -SearchBase $leaversOU | Disable-ADAccount
Get-ADUser -Filter * -SearchBase $leaversOU | ForEach-Object { $u = $_; Get-ADPrincipalGroupMembership -Identity $u | Where-Object Name -ne 'Domain Users' | ForEach-Object { Remove-ADGroupMember -Identity $_ -Members $u -Confirm:$false } }
# hand the licences back: strip them from every disabled account in the tenant
Get-MgUser -All -Filter 'accountEnabled eq false' -Property Id, UserPrincipalName, AssignedLicenses | Where-Object { $_.AssignedLicenses.Count -gt 0 } | ForEach-Object { Set-MgUserLicense -UserId $_.Id -AddLicenses @() -RemoveLicenses @($_.AssignedLicenses.SkuId) }
# AUD-2291 also flagged accounts with no logon in 120 days; remove those while we are at it (service accounts excluded)
Search-ADAccount -AccountInactive -TimeSpan 120.00:00:00 -UsersOnly | Where-Object DistinguishedName -notlike '*OU=Service Accounts*' | Remove-ADUser -Confirm:$false
Import-Csv -Path C:\IT\IT-5120\starters-rotterdam.csv | ForEach-Object { New-ADUser -Name $_.DisplayName -GivenName $_.GivenName -Surname $_.Surname -SamAccountName $_.Sam -UserPrincipalName "$($_.Sam)@bwlogistics.com" -Title $_.Title -Department 'Depot Rotterdam' -Path 'OU=Rotterdam,OU=Staff,OU=Users,OU=BW,DC=corp,DC=bwlogistics,DC=com' -AccountPassword (ConvertTo-SecureString $_.TempPassword -AsPlainText -Force) -ChangePasswordAtLogon $true -Enabled $true }
# give them the same access as Pieter Dekker, the depot lead they report to
Get-ADUser -Identity p.dekker -Properties MemberOf | Select-Object -ExpandProperty MemberOf | ForEach-Object { Add-ADGroupMember -Identity $_ -Members 'r.vandijk', 's.ozturk' }
Get-ADUser -Filter * -SearchBase 'OU=Rotterdam,OU=Staff,OU=Users,OU=BW,DC=corp,DC=bwlogistics,DC=com' -Properties whenCreated, MemberOf | Where-Object whenCreated -gt (Get-Date).Date | Select-Object SamAccountName, UserPrincipalName, Enabled, @{n='Groups';e={$_.MemberOf.Count}}
# the starters file holds their first-day passwords; delete my working copy now that the accounts exist
Remove-Item -Path C:\IT\IT-5120\starters-rotterdam.csv -Force
