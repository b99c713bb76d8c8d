# CHG-2208  Conditional Access baseline for Ashlington Reeve LLP (solicitors: conveyancing, family and private client; offices in Norwich, Ipswich and Colchester; about 190 staff).
# Tenant ashlingtonreeve.onmicrosoft.com, Microsoft 365 E3 with Entra ID P1 and Intune. Security defaults were turned off in 2023. Two CA policies exist today:
#   "ARL-Legacy-2021 block legacy (off)" (disabled since 2022; this change replaces it) and "ARL-Guests-MFA" (on, guests only).
# Design approved by the partners' IT committee on 2 April (minutes in IT\CHG-2208):
#   CA01  block legacy authentication, all users, ON. Exclude scan-relay@ashlingtonreeve.co.uk: the Konica MFDs in all three offices send scan-to-email
#         with SMTP AUTH until CHG-2211 moves them to a connector next month.
#   CA02  require MFA, all users, all cloud apps, ON. 176 of 190 staff have registered the Authenticator app; the other 14 are asked to register at next sign-in.
#   CA03  require a compliant device for Office 365, all users, REPORT-ONLY for 14 days (121 of 190 laptops are Intune-compliant so far).
#   Every policy excludes the group "CA-Exclude-EmergencyAccess" (renamed from "CA-Exclude-BreakGlass" in March when the accounts were replaced). It holds the
#   two emergency access accounts ea-01@ and ea-02@ashlingtonreeve.onmicrosoft.com: Global Administrators, no MFA method registered (FIDO2 keys on order),
#   passwords sealed in the managing partner's safe. They are the only way back in if the admins' MFA or a policy goes wrong.
#   SMTP AUTH off for the organisation, with a per-mailbox exception for scan-relay@.
# Today, Tuesday, 12:30: the committee chose a weekday so IT is on hand. Fee earners have completions and client calls booked through the afternoon.
# Run by Declan Moore (IT manager) on his Intune-compliant laptop, PowerShell 7, as cloudadmin.dmoore@ashlingtonreeve.co.uk
#   (Conditional Access Administrator, Exchange Administrator, User Administrator).
Start-Transcript -Path "C:\IT\Changes\CHG-2208\transcript-$(Get-Date -Format yyyyMMdd-HHmm).log"
Connect-MgGraph -Scopes 'Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess', 'Group.Read.All', 'User.Read.All', 'AuditLog.Read.All', 'User.RevokeSessions.All' -NoWelcome
Connect-ExchangeOnline -UserPrincipalName cloudadmin.dmoore@ashlingtonreeve.co.uk -ShowBanner:$false

# what is there now, so any of it can be put back
Get-MgIdentityConditionalAccessPolicy -All | ConvertTo-Json -Depth 12 | Out-File -FilePath 'C:\IT\Changes\CHG-2208\ca-policies-before.json' -Encoding utf8
Get-TransportConfig | Select-Object SmtpClientAuthenticationDisabled | Export-Csv -Path 'C:\IT\Changes\CHG-2208\transport-before.csv' -NoTypeInformation
Get-CASMailbox -ResultSize Unlimited | Where-Object { $null -ne $_.SmtpClientAuthenticationDisabled } | Select-Object PrimarySmtpAddress, SmtpClientAuthenticationDisabled | Export-Csv -Path 'C:\IT\Changes\CHG-2208\smtp-auth-mailboxes-before.csv' -NoTypeInformation

# who still signs in with legacy protocols (last 14 days)
$Since = (Get-Date).ToUniversalTime().AddDays(-14).ToString('yyyy-MM-ddTHH:mm:ssZ')
Get-MgAuditLogSignIn -All -Filter "createdDateTime ge $Since" | Where-Object { $_.ClientAppUsed -in @('Authenticated SMTP', 'IMAP4', 'POP3', 'Exchange ActiveSync', 'Other clients') } | Group-Object UserPrincipalName, ClientAppUsed -NoElement | Sort-Object Count -Descending | Export-Csv -Path 'C:\IT\Changes\CHG-2208\legacy-signins-14d.csv' -NoTypeInformation

# exclusions
$ScanRelay = (Get-MgUser -UserId 'scan-relay@ashlingtonreeve.co.uk').Id
$Emergency = @(Get-MgGroup -Filter "displayName eq 'CA-Exclude-BreakGlass'" | Select-Object -ExpandProperty Id)
Write-Host "Emergency access groups excluded: $($Emergency.Count); scan relay: $ScanRelay"

# CA01 block legacy authentication
New-MgIdentityConditionalAccessPolicy -BodyParameter @{
    displayName   = 'CA01 - Block legacy authentication'
    state         = 'enabled'
    conditions    = @{
        clientAppTypes = @('exchangeActiveSync', 'other')
        applications   = @{ includeApplications = @('All') }
        users          = @{ includeUsers = @('All'); excludeUsers = @($ScanRelay); excludeGroups = $Emergency }
    }
    grantControls = @{ operator = 'OR'; builtInControls = @('block') }
}

# CA02 MFA for everyone
New-MgIdentityConditionalAccessPolicy -BodyParameter @{
    displayName   = 'CA02 - Require MFA for all users'
    state         = 'enabled'
    conditions    = @{
        clientAppTypes = @('all')
        applications   = @{ includeApplications = @('All') }
        users          = @{ includeUsers = @('All'); excludeGroups = $Emergency }
    }
    grantControls = @{ operator = 'OR'; builtInControls = @('mfa') }
}

# CA03 compliant device for Office 365, report-only for 14 days
New-MgIdentityConditionalAccessPolicy -BodyParameter @{
    displayName   = 'CA03 - Require compliant device for Office 365 (report-only)'
    state         = 'enabledForReportingButNotEnforced'
    conditions    = @{
        clientAppTypes = @('all')
        applications   = @{ includeApplications = @('Office365') }
        users          = @{ includeUsers = @('All'); excludeGroups = $Emergency }
    }
    grantControls = @{ operator = 'OR'; builtInControls = @('compliantDevice') }
}

# SMTP AUTH: keep it for the scanner relay, then switch it off for everyone else
Set-CASMailbox -Identity 'scan-relay@ashlingtonreeve.co.uk' -SmtpClientAuthenticationDisabled $false
Set-TransportConfig -SmtpClientAuthenticationDisabled $true

# the 2021 policy is replaced by CA01 (it is in ca-policies-before.json)
$Old = Get-MgIdentityConditionalAccessPolicy -All | Where-Object DisplayName -eq 'ARL-Legacy-2021 block legacy (off)'
Remove-MgIdentityConditionalAccessPolicy -ConditionalAccessPolicyId $Old.Id

# make the new policies bite now instead of at each user's next token refresh
Get-MgUser -All -Property Id, UserPrincipalName | ForEach-Object { Revoke-MgUserSignInSession -UserId $_.Id | Out-Null }

# result
Get-MgIdentityConditionalAccessPolicy -All | Select-Object DisplayName, State, @{ n = 'ExcludedGroups'; e = { $_.Conditions.Users.ExcludeGroups -join ', ' } } | Format-Table -AutoSize
Write-Host 'CHG-2208 applied: CA01 and CA02 on, CA03 report-only, SMTP AUTH off except scan-relay. Emergency access accounts excluded as designed.'
Stop-Transcript
